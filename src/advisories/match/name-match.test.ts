/** Vendor aliases and product names: what makes two names one vendor / one product, and what must not. */
import { describe, expect, it } from 'vitest';
import { loadAliasTables } from '../normalise/aliases.js';
import { productReason, productVariants, vendorCandidates, vendorReason } from './name-match.js';

const tables = loadAliasTables();
const ELI_VENDOR = 'Hillrom and ELI, Baxter International Inc.';
const ELI_380 = 'Welch Allyn ELI 380 Resting Electrocardiograph';

function sameVendor(device: string, advisory: string, product = 'Some Product'): string | null {
  return vendorReason(device, advisory, new Set(vendorCandidates(advisory, tables).keys()), product, tables);
}

function sameProduct(model: string, product: string, vendor: string, deviceVendor = vendor): string | null {
  const c = vendorCandidates(vendor, tables);
  return productReason(model, product, productVariants(product, [vendor, ...c.values()], new Set(c.keys()), tables), [deviceVendor]);
}

describe('vendors', () => {
  it('treats GE, GE Healthcare, General Electric, "General Electric (GE)" and CPE gehealthcare as one vendor', () => {
    for (const device of ['GE', 'GE Healthcare', 'General Electric', 'GE MEDICAL SYSTEMS']) {
      for (const advisory of ['GE Healthcare', 'General Electric (GE)', 'gehealthcare']) expect(sameVendor(device, advisory), `${device} / ${advisory}`).not.toBeNull();
    }
    expect(sameVendor('GE', 'General Electric (GE)')).toBe('vendor "GE" and the advisory\'s vendor "General Electric (GE)" are both GE Healthcare (vendor aliases)');
  });

  it('reads lists and abbreviations in advisory vendor strings', () => {
    expect(sameVendor('Becton Dickinson', 'Becton, Dickinson and Company (BD)')).not.toBeNull();
    expect(sameVendor('Baxter', 'Hillrom and ELI, Baxter International Inc.')).not.toBeNull();
    expect(sameVendor('Draeger', 'Dräger')).not.toBeNull();
  });

  it('finds Welch Allyn (Hillrom\'s brand) under "Hillrom and ELI, Baxter International Inc.", and no other ELI maker', () => {
    expect(sameVendor('Welch Allyn', ELI_VENDOR, ELI_380)).toMatch(/are both Hillrom/);
    expect(sameVendor('Hillrom', ELI_VENDOR, ELI_380)).not.toBeNull();
    expect(sameVendor('Mindray', ELI_VENDOR, ELI_380)).toBeNull();
    expect(sameVendor('Schiller', ELI_VENDOR, ELI_380)).toBeNull();
  });

  it('accepts a brand named in the product, and nothing else', () => {
    expect(sameVendor('Welch Allyn', 'Baxter', 'Welch Allyn Connex Spot Monitor (CSM)')).toMatch(/carries the device vendor's brand "Welch Allyn"/);
    expect(sameVendor('Mindray', 'General Electric (GE)', 'B450')).toBeNull();
    expect(sameVendor('Philips', 'Siemens')).toBeNull();
    expect(sameVendor('GE', 'Geistlich')).toBeNull();
  });
});

describe('products', () => {
  it('matches exact names, names inside a model, abbreviations and aliases', () => {
    expect(sameProduct('B450', 'B450', 'GE Healthcare')).toMatch(/is the advisory product/);
    expect(sameProduct('CARESCAPE B450', 'B450', 'GE Healthcare')).toMatch(/is named in model/);
    expect(sameProduct('CSCS', 'CARESCAPE Central Station (CSCS)', 'General Electric (GE)', 'GE')).toMatch(/is the advisory product .*\("CSCS"\)/);
    expect(sameProduct('Connex Spot Monitor', 'Welch Allyn Connex Spot Monitor (CSM)', 'Hillrom', 'Welch Allyn')).not.toBeNull();
    expect(sameProduct('PIC iX', 'Patient Information Center iX (PICiX)', 'Philips')).toMatch(/another name .*advisory-aliases|product alias/);
    expect(sameProduct('SmartLinx Neuron 2', 'Capsule Technologies SmartLinx Neuron 2', 'Capsule Technologies')).not.toBeNull();
  });

  it('reads model lists and model-number ranges (Philips IntelliVue, Avalon)', () => {
    expect(sameProduct('IntelliVue MX800', 'IntelliVue patient monitor MX400-MX850', 'Philips')).toMatch(/is named in model "IntelliVue MX800"/);
    expect(sameProduct('IntelliVue MX450', 'IntelliVue Patient Monitors MX (MX400-550)', 'Philips')).toMatch(/is part of the advisory product name/);
    expect(sameProduct('Avalon FM30', 'Avalon Fetal/Maternal Monitors FM20/FM30/FM40/FM50', 'Philips')).not.toBeNull();
    expect(sameProduct('IntelliVue MX800', 'IntelliVue Patient Monitors MP Series (includingMP2/X2/MP30/MP50/MP70/NP90/MX700/800)', 'Philips')).not.toBeNull();
    expect(sameProduct('IntelliVue MX900', 'IntelliVue patient monitor MX400-MX850', 'Philips')).toBeNull();
    expect(sameProduct('IntelliVue MP80', 'IntelliVue Patient Monitors MX (MX400-550)', 'Philips')).toBeNull();
  });

  it('needs no class words or vendor words of a model that has its number (ICSMA-22-167-01 ELI 380)', () => {
    expect(sameProduct('ELI 380', ELI_380, ELI_VENDOR, 'Welch Allyn')).toBe(`model "ELI 380" is the advisory product "${ELI_380}"`);
    expect(sameProduct('ELI 380 Resting Electrocardiograph', ELI_380, ELI_VENDOR, 'Welch Allyn')).toMatch(/is named in model/);
    expect(sameProduct('Welch Allyn ELI 380', ELI_380, ELI_VENDOR, 'Welch Allyn')).not.toBeNull();
    expect(sameProduct('ELI 280', 'Welch Allyn ELI 280/BUR280/MLBUR 280 Resting Electrocardiograph', ELI_VENDOR, 'Welch Allyn')).not.toBeNull();
  });

  it('never matches on class words: alone, as the only words in common, or in place of a product word', () => {
    expect(sameProduct('ELI 250', ELI_380, ELI_VENDOR, 'Welch Allyn')).toBeNull();
    expect(sameProduct('ELI 250', 'Welch Allyn ELI 250c/BUR 250c Resting Electrocardiograph', ELI_VENDOR, 'Welch Allyn')).toBeNull();
    expect(sameProduct('Resting Electrocardiograph', ELI_380, ELI_VENDOR, 'Welch Allyn')).toBeNull();
    expect(sameProduct('ELI', ELI_380, ELI_VENDOR, 'Welch Allyn')).toBeNull();
    expect(sameProduct('CardioTouch Resting Electrocardiograph', ELI_380, ELI_VENDOR, 'Welch Allyn')).toBeNull();
    expect(sameProduct('Infusion Pump', 'Infusion Pump', 'BD')).toBeNull();
    expect(sameProduct('Alaris Infusion Pump', 'Infusion Pump', 'BD')).toBeNull();
    expect(sameProduct('Infusion Pump', 'Alaris Infusion Pump', 'BD')).toBeNull();
    expect(sameProduct('Alaris Syringe Module', 'Alaris Pump Module', 'BD')).toBeNull();
    expect(sameProduct('Vivid Ultrasound Workstation', 'LOGIQ Ultrasound Workstation', 'GE Healthcare')).toBeNull();
  });

  it('does not match generic words, other model numbers or a less specific model', () => {
    expect(sameProduct('Monitor', 'Welch Allyn Connex Spot Monitor (CSM)', 'Hillrom')).toBeNull();
    expect(sameProduct('B650', 'B450', 'GE Healthcare')).toBeNull();
    expect(sameProduct('Alaris PC Unit', 'Alaris 8000 PC unit', 'BD')).toBeNull();
    expect(sameProduct('Delta', 'Infinity Delta', 'Dräger')).toBeNull();
    expect(sameProduct('Optima CT660', 'Optima 520', 'GE Healthcare')).toBeNull();
  });
});
