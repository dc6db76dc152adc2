// Reading the released SMI kinds straight from their trees (see `TreeDecodable`): each
// reads the fields its Codable conformance reads, and gives up on anything else.

extension SMISpecObject: TreeDecodable where Spec: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node),
            f.required("apiVersion", TreeValue.string) == Version.apiVersion,
            f.required("kind", TreeValue.string) == Kind.kind,
            let metadata: ObjectMeta = f.required("metadata", TreeValue.decoded),
            let spec: Spec = f.required("spec", TreeValue.decoded),
            f.allTaken
        else { return nil }
        self.init(metadata: metadata, spec: spec)
    }
}

extension Specs.AllPortsTCPRoute: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node),
            f.required("apiVersion", TreeValue.string) == Version.apiVersion,
            f.required("kind", TreeValue.string) == Specs.TCPRouteKind.kind,
            let metadata: ObjectMeta = f.required("metadata", TreeValue.decoded),
            let spec = f.optional("spec", Specs.EmptySpec.init(tree:)),
            f.allTaken
        else { return nil }
        self.init(metadata: metadata, spec: spec)
    }
}

extension Specs.EmptySpec: TreeDecodable {
    /// Only `{}`: what else a body without fields may hold is Codable's to judge.
    init?(tree node: ManifestNode) {
        guard case let .mapping(mapping) = node.value, mapping.count == 0 else { return nil }
        self.init()
    }
}

extension Access.Subject: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let kind = f.required("kind", TreeValue.string),
            let name = f.required("name", TreeValue.string),
            let namespace = f.optional("namespace", TreeValue.string), f.allTaken
        else { return nil }
        self.init(kind: kind, name: name, namespace: namespace)
    }
}

extension Access.PortedSubject: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let kind = f.required("kind", TreeValue.string),
            let name = f.required("name", TreeValue.string),
            let namespace = f.optional("namespace", TreeValue.string), let port = f.optional("port", TreeValue.int),
            f.allTaken
        else { return nil }
        self.init(kind: kind, name: name, namespace: namespace, port: port)
    }
}

extension Access.Rule: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let kind = f.required("kind", TreeValue.string),
            let name = f.required("name", TreeValue.string),
            let matches = f.optional("matches", TreeValue.array(TreeValue.string)), f.allTaken
        else { return nil }
        self.init(kind: kind, name: name, matches: matches)
    }
}

extension Access.V1Alpha2.TrafficTargetSpec: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node),
            let destination: Access.PortedSubject = f.required("destination", TreeValue.decoded),
            let rules = f.optional("rules", TreeValue.array(Access.Rule.init(tree:))),
            let sources = f.optional("sources", TreeValue.array(Access.Subject.init(tree:))), f.allTaken
        else { return nil }
        self.init(destination: destination, rules: rules, sources: sources)
    }
}

extension Access.V1Alpha3.TrafficTargetSpec: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let destination: Access.Subject = f.required("destination", TreeValue.decoded),
            let rules = f.required("rules", TreeValue.array(Access.Rule.init(tree:))),
            let sources = f.required("sources", TreeValue.array(Access.Subject.init(tree:))), f.allTaken
        else { return nil }
        self.init(destination: destination, rules: rules, sources: sources)
    }
}

extension Split.Backend: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let service = f.required("service", TreeValue.string),
            let weight = f.required("weight", TreeValue.int),
            f.allTaken
        else { return nil }
        self.init(service: service, weight: weight)
    }
}

extension Split.RouteReference: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let apiGroup = f.optional("apiGroup", TreeValue.string),
            let kind = f.required("kind", TreeValue.string),
            let name = f.required("name", TreeValue.string), f.allTaken
        else { return nil }
        self.init(apiGroup: apiGroup, kind: kind, name: name)
    }
}

extension Split.IntegerSpec: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let service = f.required("service", TreeValue.string),
            let backends = f.required("backends", TreeValue.array(Split.Backend.init(tree:))), f.allTaken
        else { return nil }
        self.init(service: service, backends: backends)
    }
}

extension Split.Spec: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let service = f.required("service", TreeValue.string),
            let backends = f.required("backends", TreeValue.array(Split.Backend.init(tree:))),
            let matches = f.optional("matches", TreeValue.array(Split.RouteReference.init(tree:))), f.allTaken
        else { return nil }
        self.init(service: service, backends: backends, matches: matches)
    }
}

extension Specs.HTTPMatch: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let name = f.required("name", TreeValue.string),
            let pathRegex = f.optional("pathRegex", TreeValue.string),
            let methods = f.optional("methods", TreeValue.array(TreeValue.string)),
            let headers = f.optional("headers", HTTPHeaderConditions.init(tree:)), f.allTaken
        else { return nil }
        self.init(name: name, pathRegex: pathRegex, methods: methods, headers: headers)
    }
}

extension HTTPHeaderConditions: TreeDecodable {
    /// Either form, as `init(from:)` reads it: a list of mappings (each item's conditions
    /// numbered by item) or one mapping; every name and regex a string, no name repeated
    /// within a mapping.
    init?(tree node: ManifestNode) {
        func conditions(of mapping: ManifestNode, item: Int?) -> [Condition]? {
            guard case let .mapping(m) = mapping.value else { return nil }
            var found: [Condition] = []
            var names = Set<String>()
            for entry in m.entries {
                guard case let .string(name) = entry.key.value, case let .string(regex) = entry.value.value,
                    names.insert(name).inserted
                else { return nil }
                found.append(Condition(name: name, regex: regex, item: item))
            }
            return found
        }
        switch node.value {
        case let .sequence(items):
            var all: [Condition] = []
            for (i, item) in items.enumerated() {
                guard let found = conditions(of: item, item: i) else { return nil }
                all += found
            }
            self.init(all, form: .list)
        case .mapping:
            guard let found = conditions(of: node, item: nil) else { return nil }
            self.init(found, form: .map)
        default:
            return nil
        }
    }
}

extension Specs.HTTPRouteGroupSpec: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node),
            let matches = f.required("matches", TreeValue.array(Specs.HTTPMatch.init(tree:))), f.allTaken
        else { return nil }
        self.init(matches: matches)
    }
}

extension Specs.PortMatch: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let name = f.optional("name", TreeValue.string),
            let ports = f.required("ports", TreeValue.array(TreeValue.int)), f.allTaken
        else { return nil }
        self.init(name: name, ports: ports)
    }
}

extension Specs.PortRouteSpec: TreeDecodable {
    init?(tree node: ManifestNode) {
        guard var f = TreeFields(node), let matches: Specs.PortMatch = f.required("matches", TreeValue.decoded),
            f.allTaken
        else { return nil }
        self.init(matches: matches)
    }
}
