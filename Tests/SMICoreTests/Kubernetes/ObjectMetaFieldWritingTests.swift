import SMICore
import SMITestSupport
import Testing

/// Object metadata is written field by field; that must be what it decodes from.
@Suite struct ObjectMetaFieldWritingTests {
    /// A resource of nothing but metadata.
    struct Bare: KubernetesResource, Decodable, Equatable {
        var apiVersion = "example.com/v1"
        var kind = "Bare"
        var metadata: ObjectMeta

        func writeFields(to mapping: inout FieldWriter) {
            mapping.field("apiVersion", apiVersion)
            mapping.field("kind", kind)
            mapping.field("metadata", metadata)
        }
    }

    @Test func everyFieldIsWrittenAsItIsRead() throws {
        var full = ObjectMeta(
            name: "web", namespace: "shop", labels: ["app": "web", "yes": "no"],
            annotations: ["a": "multi\nline\n", "b": "0x1F"])
        full.generateName = "web-"
        full.uid = "1234"
        full.resourceVersion = "7"
        full.generation = 3
        full.selfLink = "/apis/x"
        full.creationTimestamp = "2026-11-27T12:00:00Z"
        full.deletionTimestamp = "2026-11-28T12:00:00Z"
        full.deletionGracePeriodSeconds = 30
        full.ownerReferences = [try YAMLReader().read("{kind: Deployment, name: web, controller: true}")[0].root]
        full.finalizers = ["a", "b"]
        full.managedFields = [try YAMLReader().read("{manager: kubectl, fieldsV1: {f:spec: {}}}")[0].root]
        var empty = ObjectMeta(name: "")
        empty.name = nil
        empty.labels = [:]
        empty.finalizers = []
        empty.ownerReferences = []
        #expect(
            FieldWriting.mismatches([Bare(metadata: full), Bare(metadata: empty), Bare(metadata: ObjectMeta(name: "x"))]
            ) == [])
        #expect(FieldWriting.fieldsNeverSet(in: [full]) == [], "set every field, so that each is compared")
    }
}
