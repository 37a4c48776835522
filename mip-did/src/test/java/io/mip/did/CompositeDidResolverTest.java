package io.mip.did;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.did.key.DidKeyResolver;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeDidResolverTest {
  private final CompositeDidResolver resolver =
      new CompositeDidResolver(Map.of(DidKeyResolver.METHOD, new DidKeyResolver()));

  @Test
  void resolve_supportedMethod_routesToItsResolver() {
    Ed25519PublicKey key = Ed25519PrivateKey.generate().publicKey();

    ResolutionResult result = resolver.resolve(DidKeyResolver.didOf(key));

    assertThat(result.didDocument().orElseThrow().id()).isEqualTo(DidKeyResolver.didOf(key));
  }

  @Test
  void resolve_didWeb_givesMethodNotSupported() {
    ResolutionResult result = resolver.resolve("did:web:example.com");

    assertThat(result.error()).contains(ResolutionError.METHOD_NOT_SUPPORTED);
    assertThat(result.toJson().path("didResolutionMetadata").path("error").asText())
        .isEqualTo("methodNotSupported");
  }

  @Test
  void resolve_notADid_givesInvalidDid() {
    assertThat(resolver.resolve("https://example.com").error())
        .contains(ResolutionError.INVALID_DID);
  }

  @Test
  void resolveVerificationKey_throughRouter_findsDidKey() {
    Ed25519PublicKey key = Ed25519PrivateKey.generate().publicKey();

    assertThat(resolver.resolveVerificationKey(DidKeyResolver.keyIdOf(key)).key()).contains(key);
  }

  @Test
  void resolveVerificationKey_malformedOrUnresolvable_saysWhy() {
    assertThat(resolver.resolveVerificationKey("not a url").failure())
        .contains(KeyResolution.Failure.INVALID_DID_URL);
    assertThat(resolver.resolveVerificationKey("did:key:z6Mk").failure())
        .contains(KeyResolution.Failure.INVALID_DID_URL);
    assertThat(resolver.resolveVerificationKey("did:web:example.com#key-1").failure())
        .contains(KeyResolution.Failure.UNRESOLVED);
  }

  @Test
  void resolveVerificationKey_unknownFragment_isNoSuchMethod() {
    Ed25519PublicKey key = Ed25519PrivateKey.generate().publicKey();

    assertThat(resolver.resolveVerificationKey(DidKeyResolver.didOf(key) + "#key-1").failure())
        .contains(KeyResolution.Failure.NO_SUCH_METHOD);
  }
}
