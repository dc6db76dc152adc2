/// The released SMI `apiVersion`/`kind` pairs, how to decode each, and the nearest
/// released pair for one that is not (notes D18).
enum SMIKinds {
    /// Decodes a node into one pair's type, with the keys that type does not have.
    typealias Decode = @Sendable (ManifestNode, ManifestDecoder) throws -> (SMIObject, [ManifestDecodingError])

    /// For a kind read straight from the tree: whether the tree path takes a node, and if so
    /// whether Codable reads it to the same value and manifest without a finding.
    typealias TreeCheck = @Sendable (ManifestNode) -> (accepted: Bool, agrees: Bool)

    /// How to decode one pair, and for kinds read straight from the tree, how to check that
    /// reading against Codable (the differential tests and the pipeline fuzzer).
    struct Decoding: Sendable {
        let decode: Decode
        let treeCheck: TreeCheck?
        /// Every error of a node that `decode` refuses (it throws the first).
        let errors: @Sendable (ManifestNode, ManifestDecoder) -> [ManifestDecodingError]
    }

    struct Pair: Hashable {
        let apiVersion: String
        let kind: String

        init(apiVersion: String, kind: String) {
            self.apiVersion = apiVersion
            self.kind = kind
        }

        init<T: SMIResource>(_ type: T.Type) {
            self.init(apiVersion: T.apiVersion, kind: T.kind)
        }
    }

    private static func decoding<T: Decodable & Sendable>(_ type: T.Type, _ wrap: @escaping @Sendable (T) -> SMIObject)
        -> Decoding
    {
        Decoding(
            decode: { node, decoder in
                let (value, unknown) = try decoder.decodeCollectingUnknownKeys(T.self, from: node)
                return (wrap(value), unknown)
            }, treeCheck: nil, errors: { node, decoder in decoder.decodeCollectingErrors(T.self, from: node).errors })
    }

    /// `decoding` for the kinds that read straight from the tree: a well-formed document
    /// (nearly every one) takes that path, and Codable reads, and reports on, the rest.
    private static func decoding<T: Codable & Sendable & Equatable & TreeDecodable>(
        _ type: T.Type, _ wrap: @escaping @Sendable (T) -> SMIObject
    ) -> Decoding {
        Decoding(
            decode: { node, decoder in
                if let value = T(tree: node) { return (wrap(value), []) }
                let (value, unknown) = try decoder.decodeCollectingUnknownKeys(T.self, from: node)
                return (wrap(value), unknown)
            },
            treeCheck: { node in
                guard let tree = T(tree: node) else { return (false, true) }
                guard
                    let (codable, unknown) = try? ManifestDecoder(rejectsUnknownKeys: true).decodeCollectingUnknownKeys(
                        T.self, from: node),
                    unknown.isEmpty, codable == tree
                else { return (true, false) }
                return (true, (try? ManifestEncoder().encode(codable)) == (try? ManifestEncoder().encode(tree)))
            }, errors: { node, decoder in decoder.decodeCollectingErrors(T.self, from: node).errors })
    }

    static let decoders: [Pair: Decoding] = [
        Pair(Access.V1Alpha1.TrafficTarget.self): decoding(
            Access.V1Alpha1.TrafficTarget.self, SMIObject.trafficTargetV1Alpha1),
        Pair(Access.V1Alpha2.TrafficTarget.self): decoding(
            Access.V1Alpha2.TrafficTarget.self, SMIObject.trafficTargetV1Alpha2),
        Pair(Access.V1Alpha3.TrafficTarget.self): decoding(
            Access.V1Alpha3.TrafficTarget.self, SMIObject.trafficTargetV1Alpha3),
        Pair(Specs.V1Alpha1.HTTPRouteGroup.self): decoding(
            Specs.V1Alpha1.HTTPRouteGroup.self, SMIObject.httpRouteGroupV1Alpha1),
        Pair(Specs.V1Alpha2.HTTPRouteGroup.self): decoding(
            Specs.V1Alpha2.HTTPRouteGroup.self, SMIObject.httpRouteGroupV1Alpha2),
        Pair(Specs.V1Alpha3.HTTPRouteGroup.self): decoding(
            Specs.V1Alpha3.HTTPRouteGroup.self, SMIObject.httpRouteGroupV1Alpha3),
        Pair(Specs.V1Alpha4.HTTPRouteGroup.self): decoding(
            Specs.V1Alpha4.HTTPRouteGroup.self, SMIObject.httpRouteGroupV1Alpha4),
        Pair(Specs.V1Alpha1.TCPRoute.self): decoding(Specs.V1Alpha1.TCPRoute.self, SMIObject.tcpRouteV1Alpha1),
        Pair(Specs.V1Alpha2.TCPRoute.self): decoding(Specs.V1Alpha2.TCPRoute.self, SMIObject.tcpRouteV1Alpha2),
        Pair(Specs.V1Alpha3.TCPRoute.self): decoding(Specs.V1Alpha3.TCPRoute.self, SMIObject.tcpRouteV1Alpha3),
        Pair(Specs.V1Alpha4.TCPRoute.self): decoding(Specs.V1Alpha4.TCPRoute.self, SMIObject.tcpRouteV1Alpha4),
        Pair(Specs.V1Alpha4.UDPRoute.self): decoding(Specs.V1Alpha4.UDPRoute.self, SMIObject.udpRouteV1Alpha4),
        Pair(Split.V1Alpha1.TrafficSplit.self): decoding(
            Split.V1Alpha1.TrafficSplit.self, SMIObject.trafficSplitV1Alpha1),
        Pair(Split.V1Alpha2.TrafficSplit.self): decoding(
            Split.V1Alpha2.TrafficSplit.self, SMIObject.trafficSplitV1Alpha2),
        Pair(Split.V1Alpha3.TrafficSplit.self): decoding(
            Split.V1Alpha3.TrafficSplit.self, SMIObject.trafficSplitV1Alpha3),
        Pair(Split.V1Alpha4.TrafficSplit.self): decoding(
            Split.V1Alpha4.TrafficSplit.self, SMIObject.trafficSplitV1Alpha4),
        Pair(Metrics.TrafficMetrics.self): decoding(Metrics.TrafficMetrics.self, SMIObject.trafficMetrics),
        Pair(apiVersion: Metrics.V1Alpha2.apiVersion, kind: Metrics.TrafficMetrics.kind):
            decoding(Metrics.TrafficMetrics.self, SMIObject.trafficMetrics),
        Pair(apiVersion: Metrics.TrafficMetricsList.apiVersion, kind: Metrics.TrafficMetricsList.kind):
            decoding(Metrics.TrafficMetricsList.self, SMIObject.trafficMetricsList),
        Pair(apiVersion: Metrics.V1Alpha2.apiVersion, kind: Metrics.TrafficMetricsList.kind):
            decoding(Metrics.TrafficMetricsList.self, SMIObject.trafficMetricsList)
    ]

    /// The kinds of each group.
    static let groups: [String: [String]] = [
        Access.group: ["TrafficTarget"],
        Specs.group: ["HTTPRouteGroup", "TCPRoute", "UDPRoute"],
        Split.group: ["TrafficSplit"],
        Metrics.group: ["TrafficMetrics", "TrafficMetricsList"]
    ]

    static let allKinds: [String] = groups.values.flatMap { $0 }.sorted()

    /// Whether a document with this `apiVersion` and `kind` is meant to be SMI: its group
    /// (what precedes the last non-empty part) ends with `smi-spec.io`, or it has no group and
    /// an SMI kind.
    static func isSMI(apiVersion: String, kind: String) -> Bool {
        // Every document is asked this; ASCII text (one character per byte) is read as bytes.
        var text = apiVersion
        if let (endsWithSMI, hasGroup) = text.withUTF8({ asciiGroup($0) }) {
            return hasGroup ? endsWithSMI : allKinds.contains(kind)
        }
        return isSMIReadingCharacters(apiVersion: apiVersion, kind: kind)
    }

    /// `isSMI` read character by character: the group is the non-empty parts but the last,
    /// joined by `/`.
    static func isSMIReadingCharacters(apiVersion: String, kind: String) -> Bool {
        let group = apiVersion.split(separator: "/").dropLast().joined(separator: "/")
        return group.hasSuffix("smi-spec.io") || (group.isEmpty && allKinds.contains(kind))
    }

    /// For ASCII text: whether the group ends with `smi-spec.io`, and whether there is a
    /// group (two non-empty parts or more); nil for other text.
    private static func asciiGroup(_ bytes: UnsafeBufferPointer<UInt8>) -> (endsWithSMI: Bool, hasGroup: Bool)? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let slash = UInt8(ascii: "/")
        var end = bytes.count
        while end > 0 && bytes[end - 1] == slash { end -= 1 }
        // The last part, then the slashes before it; what precedes them ends the group.
        var cut = end
        while cut > 0 && bytes[cut - 1] != slash { cut -= 1 }
        while cut > 0 && bytes[cut - 1] == slash { cut -= 1 }
        guard cut > 0 else { return (false, false) }
        return (cut >= smiSuffix.count && bytes[(cut - smiSuffix.count)..<cut].elementsEqual(smiSuffix), true)
    }

    private static let smiSuffix = Array("smi-spec.io".utf8)

    /// The released pair nearest to one that is not released, as text for a message.
    static func nearest(apiVersion: String, kind: String) -> String? {
        let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var group = parts.count == 2 ? parts[0] : ""
        let version = parts.last ?? ""
        if group == "spec.smi-spec.io" { group = Specs.group }
        var kind = kind
        if !allKinds.contains(kind) {
            kind = allKinds.min { editDistance($0, kind) < editDistance($1, kind) } ?? kind
        }
        if group.isEmpty || groups[group]?.contains(kind) != true {
            group = groups.first { $0.value.contains(kind) }?.key ?? group
        }
        let versions = decoders.keys.filter { $0.kind == kind && $0.apiVersion.hasPrefix(group + "/") }
            .map { String($0.apiVersion.dropFirst(group.count + 1)) }.sorted()
        guard let newest = versions.last else { return nil }
        let chosen = versions.contains(version) ? version : newest
        return "\(group)/\(chosen) \(kind)"
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased())
        let b = Array(b.lowercased())
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
