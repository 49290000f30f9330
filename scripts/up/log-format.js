// Turns the processes' JSON log lines (pino) into short readable lines for a terminal.
// The processes themselves keep logging JSON: that is what production collects (docs/operations.md).

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
// Nest's start-up inventory (a line per module and route) says nothing a newcomer needs.
const CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

const ANSI = /\x1b\[[0-9;]*m/g;

const COLORS = {
  reset: '\x1b[0m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  names: ['\x1b[36m', '\x1b[32m', '\x1b[35m', '\x1b[34m', '\x1b[33m', '\x1b[96m', '\x1b[92m', '\x1b[95m'],
};

function createFormatter({ color, verbose }) {
  const paint = (code, text) => (color ? `${code}${text}${COLORS.reset}` : text);
  const nameColors = new Map();
  const width = 13;

  function prefix(name) {
    if (!nameColors.has(name)) nameColors.set(name, COLORS.names[nameColors.size % COLORS.names.length]);
    return paint(nameColors.get(name), name.padEnd(width).slice(0, width)) + ' |';
  }

  function levelText(level) {
    const text = (LEVELS[level] ?? String(level)).padEnd(5);
    if (level >= 50) return paint(COLORS.red + COLORS.bold, text);
    if (level >= 40) return paint(COLORS.yellow, text);
    return paint(COLORS.dim, text);
  }

  function clock(time) {
    const date = typeof time === 'number' ? new Date(time) : new Date();
    return date.toTimeString().slice(0, 8) + '.' + String(date.getMilliseconds()).padStart(3, '0');
  }

  /** Formats one line of a process's output; returns undefined for a line to leave out. */
  function format(name, rawLine) {
    // Some tools colour their output even into a pipe; keep it only where colours are wanted.
    const line = color ? rawLine : rawLine.replace(ANSI, '');
    const entry = parse(line);
    if (!entry) return `${prefix(name)} ${line}`;
    if (!verbose && entry.level <= 30 && CHATTER.has(entry.context)) return undefined;
    const parts = [paint(COLORS.dim, clock(entry.time)), levelText(entry.level)];
    if (entry.context) parts.push(paint(COLORS.dim, `[${entry.context}]`));
    parts.push(message(entry));
    if (entry.correlationId) parts.push(paint(COLORS.dim, `cid=${String(entry.correlationId).slice(0, 8)}`));
    if (entry.gemeente) parts.push(paint(COLORS.dim, `gemeente=${entry.gemeente}`));
    let text = `${prefix(name)} ${parts.join(' ')}`;
    const stack = entry.err?.stack ?? entry.stack;
    if (entry.level >= 50 && typeof stack === 'string') {
      text += '\n' + stack.split('\n').map((l) => `${prefix(name)}     ${l}`).join('\n');
    }
    return text;
  }

  /** A line that must not be missed: a process died, or something failed. */
  function banner(name, text) {
    return `${prefix(name)} ${paint(COLORS.red + COLORS.bold, `!!! ${text}`)}`;
  }

  return { format, prefix, banner, paint, colors: COLORS };
}

function parse(line) {
  if (!line.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(line);
    return typeof entry.level === 'number' ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** The message, with what pino-http adds to a request line and what an error says. */
function message(entry) {
  let text = typeof entry.msg === 'string' ? entry.msg : '';
  if (entry.req && entry.res) {
    const ms = typeof entry.responseTime === 'number' ? ` (${Math.round(entry.responseTime)} ms)` : '';
    text = `${entry.req.method} ${entry.req.url} → ${entry.res.statusCode}${ms}`;
  }
  const errMessage = entry.err?.message;
  if (errMessage && !text.includes(errMessage)) text += `: ${errMessage}`;
  return text;
}

module.exports = { createFormatter };
