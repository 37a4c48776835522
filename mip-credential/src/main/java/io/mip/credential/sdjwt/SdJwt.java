package io.mip.credential.sdjwt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.mip.credential.internal.Json;
import io.mip.crypto.Signer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An SD-JWT or SD-JWT+KB in compact form (RFC 9901 section 4): {@code <Issuer-signed
 * JWT>~<Disclosure 1>~...~<Disclosure N>~[<KB-JWT>]}.
 *
 * <p>This record is only the structure; it says nothing about signatures until a {@link
 * SdJwtVerifier} checks it. {@link #parse} refuses structurally wrong input and input over the
 * limits ({@link #MAX_BYTES}, {@link #MAX_DISCLOSURES}).
 *
 * @param issuerSignedJwt the compact JWS of the Issuer-signed JWT
 * @param disclosures the Disclosures in presentation order
 * @param keyBindingJwt the compact KB-JWT, or null for an SD-JWT without Key Binding
 */
public record SdJwt(String issuerSignedJwt, List<Disclosure> disclosures, String keyBindingJwt) {
  /** Largest serialised SD-JWT accepted by default, in bytes (64 KiB). */
  public static final int MAX_BYTES = 64 * 1024;

  /** Most Disclosures accepted by default. */
  public static final int MAX_DISCLOSURES = 128;

  /** {@code typ} of a Key Binding JWT (RFC 9901 section 4.3). */
  public static final String KB_JWT_TYPE = "kb+jwt";

  /** Validates the fields. */
  public SdJwt {
    Objects.requireNonNull(issuerSignedJwt, "issuerSignedJwt");
    disclosures = List.copyOf(disclosures);
    if (issuerSignedJwt.indexOf('~') >= 0
        || (keyBindingJwt != null && keyBindingJwt.indexOf('~') >= 0)) {
      throw new IllegalArgumentException("JWT parts must not contain '~'");
    }
  }

  /**
   * Parses the compact serialisation.
   *
   * @throws IllegalArgumentException if the text is not an SD-JWT, is larger than {@link
   *     #MAX_BYTES} or has more than {@link #MAX_DISCLOSURES} Disclosures
   */
  public static SdJwt parse(String text) {
    return parse(text, MAX_BYTES, MAX_DISCLOSURES);
  }

  /** Parses with explicit limits. */
  public static SdJwt parse(String text, int maxBytes, int maxDisclosures) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("SD-JWT is empty");
    }
    if (text.length() > maxBytes) {
      throw new IllegalArgumentException("SD-JWT exceeds " + maxBytes + " bytes");
    }
    String trimmed = text.strip();
    int first = trimmed.indexOf('~');
    if (first < 0) {
      throw new IllegalArgumentException("SD-JWT has no '~' separator");
    }
    String[] parts = trimmed.split("~", -1);
    if (parts.length - 2 > maxDisclosures) {
      throw new IllegalArgumentException("SD-JWT has more than " + maxDisclosures + " Disclosures");
    }
    List<Disclosure> disclosures = new ArrayList<>(parts.length - 2);
    for (int i = 1; i < parts.length - 1; i++) {
      if (parts[i].isEmpty()) {
        throw new IllegalArgumentException("SD-JWT has an empty Disclosure");
      }
      disclosures.add(Disclosure.parse(parts[i]));
    }
    String last = parts[parts.length - 1];
    return new SdJwt(parts[0], disclosures, last.isEmpty() ? null : last);
  }

  /** Returns the Key Binding JWT, if present. */
  public Optional<String> keyBinding() {
    return Optional.ofNullable(keyBindingJwt);
  }

  /** Returns the SD-JWT without its KB-JWT, ending in '~': the input of {@code sd_hash}. */
  public String withoutKeyBinding() {
    StringBuilder sb = new StringBuilder(issuerSignedJwt).append('~');
    for (Disclosure d : disclosures) {
      sb.append(d.encoded()).append('~');
    }
    return sb.toString();
  }

  /** Returns the compact serialisation. */
  public String serialize() {
    String base = withoutKeyBinding();
    return keyBindingJwt == null ? base : base + keyBindingJwt;
  }

  /** Returns the names of the claims this SD-JWT can disclose (object-property Disclosures). */
  public Set<String> disclosableClaims() {
    Set<String> names = new TreeSet<>();
    for (Disclosure d : disclosures) {
      d.claimName().ifPresent(names::add);
    }
    return names;
  }

  /**
   * Builds a presentation (RFC 9901 section 4.3, SD-JWT+KB): keeps only the Disclosures of the
   * claims named in {@code disclose} and appends a Key Binding JWT {@code {iat, aud, nonce,
   * sd_hash}} signed with EdDSA by the holder key the credential's {@code cnf} names.
   *
   * @param credential the SD-JWT as issued (with all Disclosures)
   * @param disclose claim names to reveal
   * @param holderKey the holder's Ed25519 signer (the key in {@code cnf})
   * @param nonce the verifier's nonce
   * @param aud the verifier's identifier
   * @param now the presentation time ({@code iat})
   * @throws IllegalArgumentException if a name in {@code disclose} has no Disclosure
   */
  public static SdJwt present(
      SdJwt credential,
      Set<String> disclose,
      Signer holderKey,
      String nonce,
      String aud,
      Instant now) {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(aud, "aud");
    Objects.requireNonNull(now, "now");
    SdJwt selected = credential.select(disclose);
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("iat", now.getEpochSecond());
    payload.put("aud", aud);
    payload.put("nonce", nonce);
    payload.put("sd_hash", Disclosure.digestOf(selected.withoutKeyBinding()));
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType(KB_JWT_TYPE)).build();
    JWSObject kb = new JWSObject(header, new Payload(Json.write(payload)));
    try {
      kb.sign(new Ed25519JwsSigner(holderKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("KB-JWT signing failed", e);
    }
    return new SdJwt(selected.issuerSignedJwt, selected.disclosures, kb.serialize());
  }

  /**
   * Returns this SD-JWT with only the Disclosures for {@code names} and no KB-JWT.
   *
   * @throws IllegalArgumentException if a name has no Disclosure
   */
  public SdJwt select(Set<String> names) {
    Set<String> missing = new TreeSet<>(names);
    missing.removeAll(disclosableClaims());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("credential cannot disclose " + missing);
    }
    List<Disclosure> kept = new ArrayList<>();
    for (Disclosure d : disclosures) {
      if (d.claimName().map(names::contains).orElse(false)) {
        kept.add(d);
      }
    }
    return new SdJwt(issuerSignedJwt, kept, null);
  }

  @Override
  public String toString() {
    return "SdJwt[disclosures=" + disclosures.size() + ", kb=" + (keyBindingJwt != null) + "]";
  }
}
