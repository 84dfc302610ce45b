import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/** A certificate and its key, PEM, and the SHA-256 fingerprint TLS reports for it. */
export interface IssuedCertificate {
  readonly certificatePem: string;
  readonly privateKey: string;
  readonly fingerprint: string;
}

/** Options of {@link TestPki.issue}. */
export interface IssueOptions {
  /** DNS names and IP addresses a server certificate is valid for; a client certificate has none. */
  readonly serverNames?: readonly string[];
}

const ATTRIBUTES = (commonName: string) => [{ name: 'commonName', value: commonName }];

/**
 * A throwaway certificate authority for loopback TLS: a root that signs server and client
 * certificates valid for a day. Keys come from node:crypto (fast); node-forge builds and signs the
 * certificates, which node:crypto cannot.
 */
export class TestPki {
  public readonly caPem: string;
  private readonly caCert: forge.pki.Certificate;
  private readonly caKey: forge.pki.rsa.PrivateKey;

  constructor() {
    const { publicKey, privateKey } = rsaKeys();
    const cert = baseCertificate(publicKey, 'Loopback Test Root CA');
    cert.setIssuer(ATTRIBUTES('Loopback Test Root CA'));
    cert.setExtensions([
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ]);
    this.caKey = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
    cert.sign(this.caKey, forge.md.sha256.create());
    this.caCert = cert;
    this.caPem = forge.pki.certificateToPem(cert);
  }

  /** A certificate signed by this CA: for a TLS server when `serverNames` are given, for a client otherwise. */
  public issue(commonName: string, options: IssueOptions = {}): IssuedCertificate {
    const { publicKey, privateKey } = rsaKeys();
    const cert = baseCertificate(publicKey, commonName);
    cert.setIssuer(this.caCert.subject.attributes);
    const server = options.serverNames !== undefined;
    cert.setExtensions([
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: server, clientAuth: !server },
      ...(server
        ? [{ name: 'subjectAltName', altNames: options.serverNames!.map((n) => (/^[\d.]+$/.test(n) ? { type: 7, ip: n } : { type: 2, value: n })) }]
        : []),
    ]);
    cert.sign(this.caKey, forge.md.sha256.create());
    const certificatePem = forge.pki.certificateToPem(cert);
    return { certificatePem, privateKey, fingerprint: new X509Certificate(certificatePem).fingerprint256 };
  }
}

function rsaKeys(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

function baseCertificate(publicKeyPem: string, commonName: string): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  // A positive serial: the leading byte stays below 0x80.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60 * 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 60 * 60_000);
  cert.setSubject(ATTRIBUTES(commonName));
  return cert;
}
