import pg from 'pg';
import { createFieldCrypto } from '../../../platform/crypto.ts';
import type { FieldCrypto } from '../../../platform/crypto.ts';
import { loadCustomerBatch } from './copy-session.ts';
import { encodeCustomerBatchYielding } from './customer-writer.ts';
import { CustomerGenerator } from './customers.ts';
import type { WorkerReply, WorkerRequest } from './worker-pool.ts';
import { cryptoProbe } from './worker-pool.ts';

// A child process of `workerLoad`: rebuilds the generator and the field crypto from plain data, then generates,
// encrypts and loads the batches it is given over a PostgreSQL connection of its own. The parent only hands out
// ranges and counts.
if (!process.send) throw new Error('customer-worker.ts runs as a child process of workerLoad only.');

// After the parent has disconnected (it stops all workers at the first failure) there is no one to tell.
const reply = (message: WorkerReply) => {
  if (process.connected) process.send?.(message);
};

interface State {
  crypto: FieldCrypto;
  generator: CustomerGenerator;
  client: pg.Client;
  deferForeignKeys: boolean;
  /** Batches are encoded one after another (so the first is ready as soon as possible)… */
  encoding: Promise<unknown>;
  /** …and loaded one after another on the one connection, while the next is encoded. */
  loading: Promise<void>;
}
let state: State | undefined;

process.on('message', async (request: WorkerRequest) => {
  if (request.kind === 'init') {
    const crypto = createFieldCrypto(request.secrets);
    const client = new pg.Client({ connectionString: request.databaseUrl });
    const connected = client.connect();
    state = {
      crypto,
      generator: new CustomerGenerator(request.plan),
      client,
      deferForeignKeys: request.deferForeignKeys,
      encoding: Promise.resolve(),
      loading: connected.then(() => undefined),
    };
    connected.then(
      () => reply({ kind: 'ready', probe: cryptoProbe(crypto) }),
      (e: unknown) => reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  const s = state;
  if (!s) throw new Error('A batch was requested before the worker was initialised.');
  // Encoding yields now and then, so the batch before this one keeps streaming to the database meanwhile.
  const encoded = s.encoding.then(() =>
    encodeCustomerBatchYielding(s.generator, s.crypto, request.from, request.to),
  );
  s.encoding = encoded;
  const batch = await encoded;
  s.loading = s.loading.then(async () => {
    try {
      await loadCustomerBatch(s.client, batch, s.deferForeignKeys);
      reply({
        kind: 'loaded',
        customers: batch.customers,
        tables: batch.tables.map((t) => ({ table: t.table, rows: t.rows })),
      });
    } catch (e) {
      reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
});
// The parent went away (finished, or died): close the connection and stop.
process.on('disconnect', () => {
  const s = state;
  void (s ? s.loading.then(() => s.client.end()) : Promise.resolve()).finally(() => process.exit(0));
});
