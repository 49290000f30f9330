import { GeheimVersleuteling } from './geheim-versleuteling';

describe('GeheimVersleuteling (TOTP secrets at rest)', () => {
  const sleutel = new GeheimVersleuteling('een geheim van minstens tweeëndertig tekens lang');

  it('round-trips, with a fresh IV each time', () => {
    const a = sleutel.versleutel('JBSWY3DPEHPK3PXP', 'account-1');
    const b = sleutel.versleutel('JBSWY3DPEHPK3PXP', 'account-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sleutel.ontsleutel(a, 'account-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another account, another secret and an altered text', () => {
    const a = sleutel.versleutel('JBSWY3DPEHPK3PXP', 'account-1');
    expect(() => sleutel.ontsleutel(a, 'account-2')).toThrow();
    expect(() => new GeheimVersleuteling('een ander geheim van minstens tweeëndertig tekens').ontsleutel(a, 'account-1')).toThrow();
    const [v, iv, tag, data] = a.split('.');
    const veranderd = [v, iv, tag, (data[0] === 'A' ? 'B' : 'A') + data.slice(1)].join('.');
    expect(() => sleutel.ontsleutel(veranderd, 'account-1')).toThrow();
  });
});
