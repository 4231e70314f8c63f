/**
 * A minimal Chrome DevTools Protocol client over the browser's WebSocket, for what Playwright's CDPSession
 * cannot do: attach to targets Playwright does not list as pages or sessions of its own (the service
 * worker, for its heap; the action popup, for its timings) through "flat" sessions (a `sessionId` on each
 * message).
 *
 * Uses Node's WebSocket (`node --experimental-websocket` on Node 20; built in from Node 22).
 */

interface Pending {
  resolve: (value: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  reject: (error: Error) => void;
}

type Listener = (params: any, sessionId?: string) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

export class CdpClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private listeners = new Map<string, Set<Listener>>();

  private constructor(private socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data));
      if (message.id !== undefined) {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(`${message.error.message} (${message.error.code})`));
        else waiter?.resolve(message.result);
      } else if (message.method) {
        for (const listener of this.listeners.get(message.method) ?? []) listener(message.params, message.sessionId);
      }
    });
  }

  /** Connect to the browser target of a Chromium started with --remote-debugging-port. */
  static async connect(port: number): Promise<CdpClient> {
    if (typeof WebSocket !== 'function') throw new Error('No WebSocket in this Node: run with --experimental-websocket (Node 20) or Node >= 22');
    const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
    const socket = new WebSocket(version.webSocketDebuggerUrl);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('CDP WebSocket failed to open')), { once: true });
    });
    return new CdpClient(socket);
  }

  send<T = any>(method: string, params: object = {}, sessionId?: string): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }));
    });
  }

  on(method: string, listener: Listener): () => void {
    const set = this.listeners.get(method) ?? new Set();
    set.add(listener);
    this.listeners.set(method, set);
    return () => set.delete(listener);
  }

  close(): void {
    this.socket.close();
  }
}
