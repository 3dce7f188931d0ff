import { EXIT, processIO, UsageError, type CliIO } from './io';
import { VERSION } from '../core/version';
import { commands } from './commands';

const USAGE = `aws-notes: check AWS templates, explain AWS terms from your notes, calculate CIDR and capacity

Usage:
  aws-notes lint [--format text|json|sarif] [--kind auto|cfn|sam|appspec|buildspec] [--fix] <files or dirs...>
  aws-notes explain <term> [--notes <path>...] [--json]
  aws-notes explain --file F --line L --column C [--notes <path>...] [--json]
  aws-notes graph <template> [--format mermaid|dot|json]
  aws-notes resolve <template> [--param K=V ...] [--region R] [--format yaml|json]
  aws-notes cidr <cidr> [--new-prefix N | --split N | --azs N --tiers a,b,c [--spare N] | --fn-cidr COUNT,BITS]
                 [--overlaps <cidr>...] [--json]
  aws-notes capacity dynamodb --item-size 6KB [--reads N | --reads-per-minute N]
                 [--consistency eventual|strong|transactional] [--writes N] [--transactional-writes] [--json]
  aws-notes capacity dynamodb --rcu N [--wcu N] [--item-size 6KB] [--json]
  aws-notes capacity kinesis --records-per-second N --record-size 1KB [--consumers N] [--enhanced-fan-out] [--json]
  aws-notes capacity sqs-fifo --messages N [--batch 1-10] [--json]
  aws-notes capacity lambda --requests N --duration 200ms [--json]
  (aws-notes capacity --help lists every option)

Exit codes: 0 clean, 1 findings (errors) reported, 2 usage or I/O error.`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(USAGE);
    return cmd ? EXIT.ok : EXIT.usage;
  }
  if (cmd === '--version') {
    io.out(`aws-notes ${VERSION}`);
    return EXIT.ok;
  }
  const run = commands[cmd];
  if (!run) {
    io.err(`aws-notes: unknown command '${cmd}'\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`aws-notes ${cmd}: ${e.message}`);
      return EXIT.usage;
    }
    io.err(`aws-notes ${cmd}: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.usage;
  }
}

if (require.main === module || process.argv[1]?.endsWith('aws-notes.js') || process.argv[1]?.endsWith('aws-notes')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
