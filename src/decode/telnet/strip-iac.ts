/** RFC 854 / RFC 855 command stripping: IAC WILL/WONT/DO/DONT opt, IAC SB … IAC SE, IAC IAC = data byte 255. */
import { IacState } from './types.js';

export const IAC = 255;
const SB = 250;
const SE = 240;
const WILL = 251;
const DONT = 254;

/**
 * Calls `onData` for each NVT data byte of `bytes`, starting in `state`; returns the state to resume in. Commands
 * and subnegotiation (which can span segments) are dropped.
 */
export function stripIac(bytes: Uint8Array, state: IacState, onData: (b: number) => void): IacState {
  let s = state;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    switch (s) {
      case IacState.Data:
        if (b === IAC) s = IacState.Iac;
        else onData(b);
        break;
      case IacState.Iac:
        if (b === IAC) {
          onData(b);
          s = IacState.Data;
        } else if (b === SB) s = IacState.Sub;
        else if (b >= WILL && b <= DONT) s = IacState.Option;
        else s = IacState.Data; // a two-byte command (NOP, GA, AYT …)
        break;
      case IacState.Option:
        s = IacState.Data;
        break;
      case IacState.Sub:
        if (b === IAC) s = IacState.SubIac;
        break;
      case IacState.SubIac:
        s = b === SE ? IacState.Data : IacState.Sub;
        break;
    }
  }
  return s;
}
