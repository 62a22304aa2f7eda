/** Writes docs/cli.md from the command definitions. Run with `npm run docs -w lifeboat` after changing a command. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command, Option } from 'commander';
import { createProgram } from '../src/program.js';
import { Runtime } from '../src/runtime/runtime.js';

export const cliDocsPath = fileURLToPath(new URL('../../../docs/cli.md', import.meta.url));

/** The program as the docs see it: built with a runtime that is never run. */
function programForDocs(): Command {
  const sink = { write: () => true, isTTY: false };
  const runtime = new Runtime({
    env: {},
    cwd: '/',
    stdin: process.stdin,
    stdout: sink as unknown as NodeJS.WriteStream,
    stderr: sink as unknown as NodeJS.WriteStream,
    signals: { on: () => undefined, off: () => undefined },
    exit: () => undefined,
    noColor: true,
    globals: () => ({}),
  });
  return createProgram(runtime);
}

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function optionRows(options: readonly Option[]): string[] {
  const shown = options.filter((option) => !option.hidden);
  if (shown.length === 0) return [];
  const rows = shown.map((option) => {
    const fallback = option.defaultValueDescription ?? (option.defaultValue === undefined || (Array.isArray(option.defaultValue) && option.defaultValue.length === 0) ? '' : JSON.stringify(option.defaultValue));
    return `| \`${cell(option.flags)}\` | ${cell(option.description)} | ${fallback === '' ? '' : `\`${cell(fallback)}\``} |`;
  });
  return ['| Option | Description | Default |', '| --- | --- | --- |', ...rows, ''];
}

function commandSection(command: Command, path: string[]): string[] {
  const name = [...path, command.name()].join(' ');
  const subcommands = command.commands;
  const lines = [`## ${name}`, '', command.description(), ''];
  if (subcommands.length === 0) {
    lines.push('```', `${name} ${command.usage()}`, '```', '');
    const args = command.registeredArguments;
    if (args.length > 0) {
      lines.push('| Argument | Description |', '| --- | --- |');
      for (const arg of args) lines.push(`| \`${arg.required ? '<' : '['}${arg.name()}${arg.variadic ? '...' : ''}${arg.required ? '>' : ']'}\` | ${cell(arg.description)} |`);
      lines.push('');
    }
    lines.push(...optionRows(command.options));
  } else {
    lines.push(`Subcommands: ${subcommands.map((sub) => `\`${sub.name()}\``).join(', ')}.`, '');
  }
  return [...lines, ...subcommands.flatMap((sub) => commandSection(sub, [...path, command.name()]))];
}

/** The exact text committed. */
export function renderCliDocs(): string {
  const program = programForDocs();
  const lines = [
    '# lifeboat CLI reference',
    '',
    '<!-- Generated from the command definitions by `npm run docs -w lifeboat`; do not edit by hand. -->',
    '',
    program.description(),
    '',
    '- **Flags** can be written with one dash or two: `-auto-approve` or `--auto-approve`, `-var a=b`, `-refresh=false`, `-json`. A value that itself starts with a dash and a letter must be attached with `=`.',
    '- **Exit codes**: `0` ok; `1` error; `2` changes present (`plan -detailed-exitcode`); `130` interrupted by Ctrl-C.',
    '- **Server**: `--endpoint`/`--api-key` flags, else `LIFEBOAT_ENDPOINT`/`LIFEBOAT_API_KEY`, else the `provider "lifeboat"` block of the configuration in the working directory, else the embedded server on `.lifeboat/` (owner key from that directory). The first line of human output says which is in use.',
    '- **Output**: results on stdout (tables and text, or one JSON document with `--json`); progress, notes and errors on stderr, except the plan and apply lines, which are results. Colour only on a terminal, never with `NO_COLOR`.',
    '- **Errors**: one line, `Error: <what went wrong and what to do> (code <code>, request <id>)`; `--debug` adds the stack and an HTTP trace with secrets redacted.',
    '',
    '## Global options',
    '',
    ...optionRows(program.options),
    ...program.commands.flatMap((command) => commandSection(command, ['lifeboat'])),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(cliDocsPath, renderCliDocs());
  console.log(`wrote ${cliDocsPath}`);
}
