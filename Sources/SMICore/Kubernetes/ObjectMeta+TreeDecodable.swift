extension ObjectMeta: TreeDecodable {
    /// The metadata of `node` (owner references and managed fields are left to Codable).
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node) else { return nil }
        let string = TreeValue.string
        guard let name = f.optional("name", string), let generateName = f.optional("generateName", string),
            let namespace = f.optional("namespace", string),
            let labels = f.optional("labels", TreeValue.decoded as (ManifestNode) -> StringMap?),
            let annotations = f.optional("annotations", TreeValue.decoded as (ManifestNode) -> StringMap?),
            let uid = f.optional("uid", string), let resourceVersion = f.optional("resourceVersion", string),
            let generation = f.optional("generation", TreeValue.int), let selfLink = f.optional("selfLink", string),
            let creationTimestamp = f.optional("creationTimestamp", string),
            let deletionTimestamp = f.optional("deletionTimestamp", string),
            let deletionGracePeriodSeconds = f.optional("deletionGracePeriodSeconds", TreeValue.int),
            let finalizers = f.optional("finalizers", TreeValue.array(string)),
            f.allTaken
        else { return nil }
        self.init(
            name: name, namespace: namespace, labels: labels, annotations: annotations,
            rare: RareFields(
                generateName: generateName, uid: uid, resourceVersion: resourceVersion, generation: generation,
                selfLink: selfLink,
                creationTimestamp: creationTimestamp, deletionTimestamp: deletionTimestamp,
                deletionGracePeriodSeconds: deletionGracePeriodSeconds, finalizers: finalizers))
    }
}
