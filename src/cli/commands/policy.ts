/**
 * `wardwatch policy [--db FILE] [--format nftables|iptables|ip6tables|json] [--observe]`: an allow-list firewall policy
 * compiled from the conduits seen (mission §5): one rule per zone pair and service, naming the exact addresses that
 * used it. `--observe` logs what the list would block instead of dropping it, the usual first step on a clinical
 * network: run it a while, read the log, then enforce. Nothing is loaded anywhere: review the output, then apply it.
 */
import type { Command } from 'commander';
import { whoAmI } from '../who-am-i.js';
import { approvePolicy, compilePolicy } from '../../app/segmentation.js';
import { renderIptables } from '../../segmentation/policy/iptables.js';
import { renderNftables } from '../../segmentation/policy/nftables.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { withWorkspace } from '../workspace-flag.js';

const FORMATS = ['nftables', 'iptables', 'ip6tables', 'json'] as const;

export function registerPolicy(program: Command): void {
  program
    .command('policy')
    .description('compile an allow-list firewall policy from the conduits seen (review it before loading it)')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'nftables')
    .option('--observe', 'log traffic outside the list instead of dropping it')
    .option('--approve', 'record the zone-to-zone services seen as the approved policy: traffic outside it becomes segmentation-violation findings')
    .action(async (flags: { db: string; format: string; observe?: boolean; approve?: boolean }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new AppError(ErrorCode.BadArgument, `unknown format '${flags.format}' (use ${FORMATS.join(', ')})`);
      await withWorkspace(flags.db, { create: false }, async (ws) => {
        if (flags.approve === true) {
          const approved = await approvePolicy(ws, whoAmI());
          process.stdout.write(`approved ${String(approved.services)} zone-to-zone service(s) from ${String(approved.conduits)} conduit(s); later traffic outside them is reported as segmentation-violation\n`);
          return;
        }
        const { policy } = await compilePolicy(ws);
        const defaultVerdict = flags.observe === true ? 'log' : 'drop';
        if (flags.format === 'json') process.stdout.write(`${JSON.stringify({ policy }, null, 2)}\n`);
        else if (flags.format === 'nftables') process.stdout.write(renderNftables(policy, { defaultVerdict }));
        else {
          const { v4, v6 } = renderIptables(policy, { defaultVerdict });
          process.stdout.write(flags.format === 'iptables' ? v4 : v6);
        }
        if (policy.skipped.length > 0) process.stderr.write(`note: ${String(policy.skipped.length)} conduit(s) or address(es) left out of the rules (see --format json, "skipped")\n`);
      });
    });
}
