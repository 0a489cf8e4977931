import { generateKeyPairSync, sign } from 'node:crypto';
import forge from 'node-forge';

/*
 * A certificate chain made for the tests, shaped like Amazon's: a root, an intermediate, and a
 * signing leaf with echo-api.amazon.com among its subject alternative names. Keys come from
 * Node's crypto (fast); node-forge, which the SDK's verifier uses, writes the certificates.
 */

export interface Authority {
  readonly certificate: forge.pki.Certificate;
  readonly privateKey: forge.pki.rsa.PrivateKey;
  readonly pem: string;
}

export interface SigningLeaf extends Authority {
  /** The leaf's private key as PEM, for Node's crypto.sign. */
  readonly privateKeyPem: string;
}

const DAY_MS = 86_400_000;
let serial = 1;

function keyPair() {
  // 1024 bits: enough for a test that never leaves the machine, and several times quicker to make than 2048.
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 1024,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { publicKey: forge.pki.publicKeyFromPem(publicKey), privateKey: forge.pki.privateKeyFromPem(privateKey), privateKeyPem: privateKey };
}

interface CertificateOptions {
  readonly commonName: string;
  /** Signs the certificate; none: self-signed (a root). */
  readonly issuer?: Authority;
  readonly authority: boolean;
  readonly altNames?: readonly string[];
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}

function certificate(options: CertificateOptions) {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(2, '0');
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 30 * DAY_MS);
  const subject = [{ name: 'commonName', value: options.commonName }, { name: 'organizationName', value: 'Playlist Pal tests' }];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer?.certificate.subject.attributes ?? subject);
  const extensions: object[] = [
    { name: 'basicConstraints', cA: options.authority, critical: true },
    { name: 'keyUsage', critical: true, ...(options.authority ? { keyCertSign: true, cRLSign: true } : { digitalSignature: true }) },
  ];
  if (options.altNames !== undefined) extensions.push({ name: 'subjectAltName', altNames: options.altNames.map((value) => ({ type: 2, value })) });
  cert.setExtensions(extensions);
  cert.sign(options.issuer?.privateKey ?? keys.privateKey, forge.md.sha256.create());
  return { certificate: cert, privateKey: keys.privateKey, privateKeyPem: keys.privateKeyPem, pem: forge.pki.certificateToPem(cert) };
}

export function makeRoot(commonName = 'Playlist Pal Test Root'): Authority {
  return certificate({ commonName, authority: true });
}

export function makeIntermediate(root: Authority): Authority {
  return certificate({ commonName: 'Playlist Pal Test Intermediate', issuer: root, authority: true });
}

export function makeLeaf(issuer: Authority, options: { altNames?: readonly string[]; notBefore?: Date; notAfter?: Date } = {}): SigningLeaf {
  return certificate({ commonName: 'echo-api.amazon.com', issuer, authority: false, altNames: options.altNames ?? ['echo-api.amazon.com'], ...options });
}

/** The chain as Alexa serves it at SignatureCertChainUrl: the leaf first, then the intermediate. */
export function chainPem(leaf: Authority, intermediate: Authority): string {
  return `${leaf.pem}\n${intermediate.pem}`;
}

/** Signature-256: RSA-SHA256 over the body's exact bytes, base64. */
export function signBody(body: string, leaf: SigningLeaf): string {
  return sign('RSA-SHA256', Buffer.from(body, 'utf8'), leaf.privateKeyPem).toString('base64');
}

export const EXPIRED = { notBefore: new Date(Date.now() - 60 * DAY_MS), notAfter: new Date(Date.now() - DAY_MS) };
