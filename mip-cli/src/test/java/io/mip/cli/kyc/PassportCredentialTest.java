package io.mip.cli.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.credential.sdjwt.HolderKeys;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassportCredentialTest {
  @TempDir Path tmp;

  @Test
  void fileFor_passportSuffix_replacedByKycSuffix() {
    assertThat(PassportCredential.fileFor(Path.of("/w/me.passport")))
        .isEqualTo(Path.of("/w/me.kyc.sd-jwt"));
    assertThat(PassportCredential.fileFor(Path.of("/w/alice.json")))
        .isEqualTo(Path.of("/w/alice.json.kyc.sd-jwt"));
  }

  @Test
  void saveThenLoad_sameCredentialModeOwnerOnly() throws Exception {
    Ed25519PublicKey key = Ed25519PrivateKey.generate().publicKey();
    Path passport = tmp.resolve("me.passport");
    SdJwt c = credentialBoundTo(key);

    Path file = PassportCredential.save(passport, c);

    assertThat(file).isEqualTo(tmp.resolve("me.kyc.sd-jwt"));
    assertThat(PassportCredential.load(passport).serialize()).isEqualTo(c.serialize());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void load_noCredentialBeside_usageError() {
    assertThatThrownBy(() -> PassportCredential.load(tmp.resolve("me.passport")))
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("mip kyc issue")
        .extracting(e -> ((CliFailure) e).exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void requireBoundTo_otherKey_refused() {
    Ed25519PublicKey mine = Ed25519PrivateKey.generate().publicKey();
    Ed25519PublicKey other = Ed25519PrivateKey.generate().publicKey();
    SdJwt c = credentialBoundTo(mine);

    PassportCredential.requireBoundTo(c, mine, "did:mip:me");
    assertThatThrownBy(() -> PassportCredential.requireBoundTo(c, other, "did:mip:me"))
        .isInstanceOf(CliFailure.class)
        .extracting(e -> ((CliFailure) e).exitCode())
        .isEqualTo(ExitCodes.REFUSED);
  }

  /** An SD-JWT whose payload binds {@code key} (its signature is not checked here). */
  private static SdJwt credentialBoundTo(Ed25519PublicKey key) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("iss", "did:mip:issuer");
    payload.set("cnf", HolderKeys.cnf(key));
    String jwt =
        Base64Url.encode("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + Base64Url.encode(payload.toString().getBytes(StandardCharsets.UTF_8))
            + "."
            + Base64Url.encode(new byte[64]);
    return SdJwt.parse(jwt + "~");
  }
}
