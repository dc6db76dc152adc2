import SMICore
import Testing

/// Metadata keeps its rarely set fields in a shared box; it must still behave as a value.
@Suite struct ObjectMetaTests {
    @Test func copiesChangeIndependently() {
        var original = ObjectMeta(name: "web", namespace: "shop")
        original.uid = "1"
        var copy = original
        copy.uid = "2"
        copy.finalizers = ["a"]
        #expect(original.uid == "1" && original.finalizers == nil)
        #expect(copy.uid == "2" && copy.finalizers == ["a"])
        #expect(original != copy)
    }

    /// Equality is by what the metadata says, however it got there.
    @Test func equalityIsByContent() {
        var a = ObjectMeta(name: "web")
        a.generation = 3
        a.generation = nil
        #expect(a == ObjectMeta(name: "web"))
        var b = ObjectMeta(name: "web")
        b.selfLink = "/x"
        var c = ObjectMeta(name: "web")
        c.selfLink = "/x"
        #expect(b == c)
        c.finalizers = []
        #expect(b != c, "an empty list is written, so it differs from none")
    }

    /// Every field decodes from a manifest, through the tree reader (without owner references
    /// and managed fields, which it leaves to Codable) and through Codable.
    @Test(arguments: [false, true])
    func everyFieldIsRead(withOwners: Bool) throws {
        let text = """
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata:
              name: web
              generateName: web-
              namespace: shop
              labels: {app: web}
              annotations: {a: b}
              uid: "1234"
              resourceVersion: "7"
              generation: 3
              selfLink: /api/x
              creationTimestamp: "2026-11-27T12:00:00Z"
              deletionTimestamp: "2026-11-28T12:00:00Z"
              deletionGracePeriodSeconds: 30
              finalizers: [a, b]
            \(withOwners ? "  ownerReferences: [{kind: Deployment, name: web}]\n  managedFields: [{manager: kubectl}]" : "")
            spec: {service: web, backends: [{service: web-v1, weight: 1}]}
            """
        let documents = try YAMLReader().read(text)
        let root = try #require(documents.first?.root)
        #expect(SMIDocument.treeReadingAgreesWithCodable(root))
        let meta = try #require(SMIBundle(documents).trafficSplits.first?.object.metadata)
        #expect(meta.name == "web" && meta.generateName == "web-" && meta.namespace == "shop")
        #expect(meta.labels == ["app": "web"] && meta.annotations == ["a": "b"])
        #expect(meta.uid == "1234" && meta.resourceVersion == "7" && meta.generation == 3 && meta.selfLink == "/api/x")
        #expect(meta.creationTimestamp == "2026-11-27T12:00:00Z" && meta.deletionTimestamp == "2026-11-28T12:00:00Z")
        #expect(meta.deletionGracePeriodSeconds == 30 && meta.finalizers == ["a", "b"])
        #expect(
            meta.ownerReferences?.count == (withOwners ? 1 : nil) && meta.managedFields?.count == (withOwners ? 1 : nil)
        )
        let node = try #require(root.value.mappingValue?["metadata"])
        #expect(try ManifestDecoder().decode(ObjectMeta.self, from: node) == meta)
        #expect(try ManifestDecoder().decode(ObjectMeta.self, from: try ManifestEncoder().encode(meta)) == meta)
    }

    /// Every wrong field of the metadata is reported at once, in the order written.
    @Test(arguments: [
        ("namespace: [x], uid: 7", ["metadata.namespace", "metadata.uid"]),
        ("uid: 7, generateName: [x]", ["metadata.uid", "metadata.generateName"]),
        ("finalizers: 3, generation: x", ["metadata.finalizers", "metadata.generation"]),
        ("managedFields: 1, labels: [x]", ["metadata.managedFields", "metadata.labels"])
    ])
    func everyWrongFieldIsReportedInTheOrderWritten(fields: String, paths: [String]) throws {
        let text =
            "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata: {name: web, \(fields)}\nspec: {service: web, backends: [{service: a, weight: 1}]}\n"
        let diagnostics = SMIBundle(try YAMLReader().read(text)).diagnostics
        #expect(diagnostics.map { $0.path?.description } == paths, "\(diagnostics.map(\.description))")
        #expect(diagnostics.allSatisfy { $0.code == .schema })
    }
}
