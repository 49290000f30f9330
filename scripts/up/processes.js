const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { UpError } = require('./errors');

/**
 * Starts and watches the child processes of `npm run up`. Each child gets its own process group
 * (`detached`), so a Ctrl-C in the terminal reaches only up.js, which then stops the children in
 * order: the apps first, then the NATS server and PostgreSQL they depend on.
 */
class Supervisor {
  constructor({ formatter, write }) {
    this.formatter = formatter;
    this.write = write;
    this.children = new Set();
    this.listeners = [];
  }

  /** Called with (child, code, signal) when a child ends that nobody asked to stop. */
  onUnexpectedExit(listener) {
    this.listeners.push(listener);
  }

  /**
   * Starts a long-running child. `keep(line)` may drop lines of a non-JSON log (the NATS
   * server's info lines); JSON lines go through the formatter.
   */
  start(name, command, args, { env, cwd, uid, gid, keep = () => true }) {
    const proc = spawn(command, args, { cwd, env, uid, gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const child = { name, proc, stopping: false };
    this.children.add(child);
    for (const stream of [proc.stdout, proc.stderr]) {
      readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        if (!keep(line)) return;
        const text = this.formatter.format(name, line);
        if (text !== undefined) this.write(text + '\n');
      });
    }
    child.exited = new Promise((resolve) => {
      const ended = (code, signal) => {
        if (!this.children.delete(child)) return;
        if (!child.stopping) for (const listener of this.listeners) listener(child, code, signal);
        resolve({ code, signal });
      };
      proc.once('error', (error) => {
        this.write(this.formatter.banner(name, `kon niet starten / could not start: ${error.message}`) + '\n');
        ended(127, null);
      });
      proc.once('close', ended);
    });
    return child;
  }

  /** Runs a one-shot child (provisioning, a migration) to the end; throws if it fails. */
  async run(name, command, args, options) {
    const child = this.start(name, command, args, options);
    child.stopping = true; // its end is expected, success or not
    const { code, signal } = await child.exited;
    if (code !== 0) throw new UpError(`${name} mislukte / failed (${code !== null ? `exit ${code}` : signal}); zie de regels hierboven / see the lines above.`);
  }

  /** SIGTERM, then SIGKILL if the child is still there after `graceMs`. */
  async stop(child, graceMs) {
    if (!this.children.has(child)) return;
    child.stopping = true;
    signal(child, 'SIGTERM');
    const timer = setTimeout(() => signal(child, 'SIGKILL'), graceMs);
    await child.exited;
    clearTimeout(timer);
  }

  async stopAll(graceMs) {
    await Promise.all([...this.children].map((c) => this.stop(c, graceMs)));
  }

  /** Last resort when up.js itself ends abruptly: nothing it started may outlive it. */
  killAllNow() {
    for (const child of this.children) signal(child, 'SIGKILL');
  }

  /** How many children are alive, whether or not they are being stopped. */
  get size() {
    return this.children.size;
  }

  isRunning(child) {
    return this.children.has(child);
  }

  running() {
    return [...this.children].filter((c) => !c.stopping);
  }
}

function signal(child, name) {
  try {
    process.kill(-child.proc.pid, name); // the whole group: nothing the child started survives
  } catch {
    // already gone
  }
}

module.exports = { Supervisor };
