package io.mip.wallet.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Hpke;
import io.mip.crypto.Jcs;
import io.mip.crypto.Signer;
import io.mip.wallet.internal.JsonFields;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A guardian's answer to a {@link RecoveryRequest}: their share, re-encrypted with HPKE to the
 * request's ephemeral key, signed with the guardian DID's current Ed25519 key.
 *
 * <p>The HPKE {@code info} binds the purpose, the request id, the terms and the share index, so an
 * approval cannot be used for another request or as another index. The signature (over the JCS form
 * of everything but {@code sig}) tells the person recovering which guardian a bad approval came
 * from; the seed check against the ledger is what finally decides.
 *
 * <p>File form: {@code {"type":"mip-recovery-approval","v":1,"request":...,"owner":...,
 * "guardians":[...],"threshold":t,"set":...,"epoch":e,"index":i,"enc":b64u,"ct":b64u,"sig":b64u}}.
 *
 * @param requestId the request this answers
 * @param terms the guardian set's terms, copied from the guardian's share envelope
 * @param index the share index; the guardian is {@code terms.guardian(index)}
 * @param sealed the share sealed to the request's key
 * @param signature Ed25519 signature by the guardian over {@link #signedBytes()}
 */
public record RecoveryApproval(
    String requestId, GuardianTerms terms, int index, Hpke.Sealed sealed, byte[] signature) {
  /** The file type. */
  public static final String TYPE = "mip-recovery-approval";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

  /** Validates the fields and copies the signature. */
  public RecoveryApproval {
    Objects.requireNonNull(requestId, "requestId");
    if (!ID.matcher(requestId).matches()) {
      throw new IllegalArgumentException("request id must be 16 bytes base64url");
    }
    Objects.requireNonNull(terms, "terms");
    terms.guardian(index);
    Objects.requireNonNull(sealed, "sealed");
    if (signature == null || signature.length != Ed25519PublicKey.SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("an approval signature is 64 bytes");
    }
    signature = signature.clone();
  }

  /** Returns the approving guardian's DID. */
  public String guardianDid() {
    return terms.guardian(index);
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Returns the HPKE info of an approval of share {@code index} for {@code request}. */
  public static byte[] info(RecoveryRequest request, GuardianTerms terms, int index) {
    ObjectNode o = terms.toJson();
    o.put("purpose", "mip/recovery-approval/v1");
    o.put("request", request.requestId());
    o.put("key", request.key().toMultibase());
    o.put("index", index);
    return Jcs.canonicalize(o);
  }

  /**
   * Builds and signs an approval: {@code sealed} must be the share sealed with {@link #info} to the
   * request's key; {@code signer} is the guardian's DID key.
   */
  public static RecoveryApproval sign(
      RecoveryRequest request, GuardianTerms terms, int index, Hpke.Sealed sealed, Signer signer) {
    byte[] sig = signer.sign(signedBytes(request.requestId(), terms, index, sealed));
    return new RecoveryApproval(request.requestId(), terms, index, sealed, sig);
  }

  /** Returns the bytes the guardian signs: JCS of the file form without {@code sig}. */
  public byte[] signedBytes() {
    return signedBytes(requestId, terms, index, sealed);
  }

  /** As {@link #signedBytes()} for an approval being built. */
  static byte[] signedBytes(String requestId, GuardianTerms terms, int index, Hpke.Sealed sealed) {
    ObjectNode o = body(requestId, terms, index, sealed);
    return Jcs.canonicalize(o);
  }

  /** Returns the file form. */
  public ObjectNode toJson() {
    ObjectNode o = body(requestId, terms, index, sealed);
    o.put("sig", Base64Url.encode(signature));
    return o;
  }

  /**
   * Parses the file form.
   *
   * @throws IllegalArgumentException if it is not a valid approval
   */
  public static RecoveryApproval fromJson(JsonNode o) {
    JsonFields.requireType(o, TYPE, 1);
    return new RecoveryApproval(
        JsonFields.text(o, "request", 22),
        GuardianTerms.read(o),
        JsonFields.integer(o, "index", 1, GuardianTerms.MAX_GUARDIANS),
        new Hpke.Sealed(
            JsonFields.bytes(o, "enc", Hpke.ENC_LENGTH, Hpke.ENC_LENGTH),
            JsonFields.bytes(o, "ct", 1, 1024)),
        JsonFields.bytes(o, "sig", 64, 64));
  }

  private static ObjectNode body(
      String requestId, GuardianTerms terms, int index, Hpke.Sealed sealed) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", TYPE);
    o.put("v", 1);
    o.put("request", requestId);
    terms.writeTo(o);
    o.put("index", index);
    o.put("enc", Base64Url.encode(sealed.enc()));
    o.put("ct", Base64Url.encode(sealed.ciphertext()));
    return o;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecoveryApproval a
        && java.util.Arrays.equals(signature, a.signature)
        && java.util.Arrays.equals(signedBytes(), a.signedBytes());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "RecoveryApproval[" + requestId + ", share " + index + "]";
  }
}
