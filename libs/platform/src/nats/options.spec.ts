import { natsConnectionOptions, natsServers } from './options';

describe('natsServers', () => {
  it('takes credentials out of the URL, because nats.js would ignore them there', () => {
    expect(natsServers('nats://identity:g%40heim@nats-0:4222,nats://nats-1:4222')).toEqual({
      servers: ['nats://nats-0:4222', 'nats://nats-1:4222'],
      user: 'identity',
      pass: 'g@heim',
    });
  });

  it('passes plain servers through without credentials', () => {
    expect(natsServers(' nats://127.0.0.1:4222 ')).toEqual({ servers: ['nats://127.0.0.1:4222'] });
    expect(natsConnectionOptions('nats://127.0.0.1:4222', 'gateway')).not.toHaveProperty('user');
  });

  it('gives the credentials to the connection options', () => {
    expect(natsConnectionOptions('nats://gateway:pw@nats:4222', 'gateway')).toMatchObject({
      servers: ['nats://nats:4222'],
      user: 'gateway',
      pass: 'pw',
    });
  });

  it('does not build a stack trace for every request (noAsyncTraces)', () => {
    expect(natsConnectionOptions('nats://127.0.0.1:4222', 'gateway')).toMatchObject({ noAsyncTraces: true });
  });
});
