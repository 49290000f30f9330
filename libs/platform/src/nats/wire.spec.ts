import { isErrorReply, type Reply, type WireError } from '@samen/contracts';
import { decodeJson, encodeJson, isMalformed, PlainReplySerializer, PlainRequestDeserializer } from './wire';

const text = (value: string) => new TextEncoder().encode(value);

describe('PlainRequestDeserializer', () => {
  const deserializer = new PlainRequestDeserializer();

  it('reads a plain JSON payload (no Nest envelope) and routes on the subject', () => {
    const request = deserializer.deserialize(text('{"code":"GM0637"}'), { channel: 'identity.v1.gemeenten.get', replyTo: '_INBOX.abc' });
    expect(request).toEqual({ pattern: 'identity.v1.gemeenten.get', data: { code: 'GM0637' }, id: '_INBOX.abc' });
  });

  it('keeps a Nest-looking envelope as data: the payload is the body, whatever it holds', () => {
    const request = deserializer.deserialize(text('{"pattern":"x","data":{"a":1},"id":"1"}'), { channel: 's', replyTo: 'r' });
    expect(request.pattern).toBe('s');
    expect(request.data).toEqual({ pattern: 'x', data: { a: 1 }, id: '1' });
  });

  it('treats an empty body as an empty object', () => {
    expect(deserializer.deserialize(new Uint8Array(), { channel: 's', replyTo: 'r' }).data).toEqual({});
  });

  // A throw here would be an unhandled rejection inside the NATS callback, and no reply at all.
  it('marks malformed JSON instead of throwing', () => {
    const request = deserializer.deserialize(text('{"code": GM0637'), { channel: 's', replyTo: 'r' });
    expect(isMalformed(request.data)).toBe(true);
    expect(isMalformed({ code: 'GM0637' })).toBe(false);
    expect(isMalformed(null)).toBe(false);
  });

  it('without a reply subject it is an event (no id)', () => {
    expect(deserializer.deserialize(text('{}'), { channel: 's' }).id).toBeUndefined();
  });
});

describe('PlainReplySerializer', () => {
  const serializer = new PlainReplySerializer();
  const read = (packet: Parameters<PlainReplySerializer['serialize']>[0]) => decodeJson<Reply<unknown>>(serializer.serialize(packet).data);

  it('wraps a result in {data}', () => {
    const reply = read({ id: '1', response: { code: 'GM0637' }, isDisposed: true });
    expect(reply).toEqual({ data: { code: 'GM0637' } });
    expect(isErrorReply(reply)).toBe(false);
  });

  it('answers {data: null} for a handler that returned nothing', () => {
    expect(read({ id: '1', isDisposed: true })).toEqual({ data: null });
  });

  it('wraps a coded error in {error} unchanged', () => {
    const err: WireError = { code: 'NOT_FOUND', status: 404, message: 'Gemeente GM0000 bestaat niet.', correlationId: 'c-1' };
    const reply = read({ id: '1', err, isDisposed: true });
    expect(reply).toEqual({ error: err });
    expect(isErrorReply(reply)).toBe(true);
  });

  it('turns an uncoded error (Nest answering by itself) into INTERNAL', () => {
    expect(read({ id: '1', err: 'There is no matching message handler defined in the remote service.' })).toEqual({
      error: { code: 'INTERNAL', status: 500, message: 'There is no matching message handler defined in the remote service.' },
    });
    expect(read({ id: '1', err: new Error('boom') })).toEqual({ error: { code: 'INTERNAL', status: 500, message: 'Onbekende fout.' } });
  });

  it('an error wins over a response', () => {
    expect(isErrorReply(read({ id: '1', response: { a: 1 }, err: { code: 'CONFLICT', status: 409, message: 'x' } }))).toBe(true);
  });
});

describe('encodeJson / decodeJson', () => {
  it('round-trips UTF-8', () => {
    expect(decodeJson(encodeJson({ naam: "'s-Hertogenbosch – Zoetermeer ✓" }))).toEqual({ naam: "'s-Hertogenbosch – Zoetermeer ✓" });
  });
});
