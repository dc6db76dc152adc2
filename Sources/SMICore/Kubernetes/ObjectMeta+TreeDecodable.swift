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
              let creationTimestamp = f.optional("creationTimestamp", string), let deletionTimestamp = f.optional("deletionTimestamp", string),
              let deletionGracePeriodSeconds = f.optional("deletionGracePeriodSeconds", TreeValue.int),
              let finalizers = f.optional("finalizers", TreeValue.array(string)),
              f.allTaken
        else { return nil }
        self.init(name: "")
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.generation = generation
        self.selfLink = selfLink
        self.creationTimestamp = creationTimestamp
        self.deletionTimestamp = deletionTimestamp
        self.deletionGracePeriodSeconds = deletionGracePeriodSeconds
        self.finalizers = finalizers
    }
}
