package io.mip.did;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A DID document (W3C DID Core 1.0 section 5) in the JSON-LD representation (section 6.3), as MIP
 * resolvers produce it.
 *
 * <p>Guarantees: the id is a DID; verification method ids are unique; every verification
 * relationship refers (by absolute DID URL) to a verification method of this document; service ids
 * are unique. The document is immutable.
 *
 * @param context the {@code @context} values, first {@link #DID_CONTEXT}
 * @param id the DID
 * @param verificationMethods the verification methods, in document order
 * @param relationships for each relationship present, the ids of the methods it authorises
 * @param services the services (ids are fragments, rendered as {@code id + fragment})
 */
public record DidDocument(
    List<String> context,
    String id,
    List<VerificationMethod> verificationMethods,
    Map<VerificationRelationship, List<String>> relationships,
    List<Service> services) {
  /** The DID Core 1.0 JSON-LD context. */
  public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";

  /** The Multikey JSON-LD context (W3C Controlled Identifiers 1.0). */
  public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

  /** The media type of this representation (DID Core section 6.3.1). */
  public static final String MEDIA_TYPE = "application/did+ld+json";

  /** Copies the collections and checks the guarantees above. */
  public DidDocument {
    context = List.copyOf(context);
    Objects.requireNonNull(id, "id");
    Did.parse(id);
    verificationMethods = List.copyOf(verificationMethods);
    services = List.copyOf(services);
    if (context.isEmpty() || !DID_CONTEXT.equals(context.get(0))) {
      throw new IllegalArgumentException("@context must start with " + DID_CONTEXT);
    }
    Set<String> methodIds = new HashSet<>();
    for (VerificationMethod vm : verificationMethods) {
      if (!methodIds.add(vm.id())) {
        throw new IllegalArgumentException("duplicate verification method id " + vm.id());
      }
    }
    EnumMap<VerificationRelationship, List<String>> copy =
        new EnumMap<>(VerificationRelationship.class);
    for (Map.Entry<VerificationRelationship, List<String>> e : relationships.entrySet()) {
      List<String> refs = List.copyOf(e.getValue());
      for (String ref : refs) {
        if (!methodIds.contains(ref)) {
          throw new IllegalArgumentException(
              e.getKey().property() + " refers to an unknown verification method " + ref);
        }
      }
      copy.put(e.getKey(), refs);
    }
    relationships = Collections.unmodifiableMap(copy);
    Set<String> serviceIds = new HashSet<>();
    for (Service s : services) {
      if (!serviceIds.add(s.id())) {
        throw new IllegalArgumentException("duplicate service id " + s.id());
      }
    }
  }

  /**
   * A document with only {@code @context} and {@code id}: what a resolver returns for a deactivated
   * DID, so that a consumer that ignores the metadata still finds no usable key.
   */
  public static DidDocument minimal(String did) {
    return new DidDocument(List.of(DID_CONTEXT), did, List.of(), Map.of(), List.of());
  }

  /** Returns the verification method with this absolute DID URL id. */
  public Optional<VerificationMethod> verificationMethod(String didUrl) {
    return verificationMethods.stream().filter(vm -> vm.id().equals(didUrl)).findFirst();
  }

  /** Returns whether the method {@code didUrl} is listed under {@code relationship}. */
  public boolean authorizes(String didUrl, VerificationRelationship relationship) {
    return relationships.getOrDefault(relationship, List.of()).contains(didUrl);
  }

  /** Returns the methods listed under {@code relationship}, in order. */
  public List<VerificationMethod> methodsFor(VerificationRelationship relationship) {
    return relationships.getOrDefault(relationship, List.of()).stream()
        .map(ref -> verificationMethod(ref).orElseThrow())
        .toList();
  }

  /** Returns the service with this fragment id ({@code #profile}). */
  public Optional<Service> service(String fragmentId) {
    return services.stream().filter(s -> s.id().equals(fragmentId)).findFirst();
  }

  /** Returns the JSON-LD representation. */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode doc = f.objectNode();
    ArrayNode ctx = doc.putArray("@context");
    context.forEach(ctx::add);
    doc.put("id", id);
    if (!verificationMethods.isEmpty()) {
      ArrayNode vms = doc.putArray("verificationMethod");
      verificationMethods.forEach(vm -> vms.add(vm.toJson()));
    }
    for (Map.Entry<VerificationRelationship, List<String>> e : relationships.entrySet()) {
      ArrayNode refs = doc.putArray(e.getKey().property());
      e.getValue().forEach(refs::add);
    }
    if (!services.isEmpty()) {
      ArrayNode svc = doc.putArray("service");
      for (Service s : services) {
        ObjectNode node = svc.addObject();
        node.put("id", id + s.id());
        node.put("type", s.type());
        node.put("serviceEndpoint", s.serviceEndpoint());
      }
    }
    return doc;
  }
}
