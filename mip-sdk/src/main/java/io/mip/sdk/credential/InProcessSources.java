package io.mip.sdk.credential;

import io.mip.credential.registry.IssuerRegistry;
import io.mip.credential.status.IssuerKeyCheck;
import io.mip.credential.status.StatusListReader;
import io.mip.did.DidResolver;
import io.mip.did.KeyResolution;
import io.mip.ledger.Ledger;

/** The verifier's sources read straight from a ledger in the same process (a node, a test). */
public final class InProcessSources {
  private InProcessSources() {}

  /** Issuer keys from a DID resolver ({@code assertionMethod} only). */
  public static CredentialSources.IssuerKeys issuerKeys(DidResolver resolver) {
    return didUrl -> {
      KeyResolution r = resolver.resolveVerificationKey(didUrl);
      return r.key();
    };
  }

  /** The trusted-issuer registry of a ledger. */
  public static CredentialSources.Accreditations accreditations(Ledger ledger) {
    IssuerRegistry registry = new IssuerRegistry(ledger);
    return registry::check;
  }

  /** Status lists replayed from a ledger, signers checked against their DIDs. */
  public static CredentialSources.StatusLists statusLists(Ledger ledger, DidResolver resolver) {
    StatusListReader reader = new StatusListReader(ledger, IssuerKeyCheck.using(resolver));
    return reader::read;
  }
}
