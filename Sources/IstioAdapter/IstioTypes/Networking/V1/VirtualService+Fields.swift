public import SMICore

// Each type's one list of output fields, which YAML writing, its manifest and `Encodable`
// share: declaration order, the keys `Decodable` reads, absent optionals left out.

extension Istio.NetworkingV1.VirtualService: SpecResource {}

extension Istio.NetworkingV1.VirtualService.Spec: FieldsWritable {
    /// Writes the body straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("hosts", hosts)
        mapping.field("http", http)
        mapping.field("tcp", tcp)
    }
}

extension Istio.NetworkingV1.VirtualService.HTTPRoute: FieldsWritable {
    /// Writes the route straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("name", name)
        mapping.field("match", match)
        mapping.field("route", route)
    }
}

extension Istio.NetworkingV1.VirtualService.HTTPMatchRequest: FieldsWritable {
    /// Writes the match straight to YAML, the headers by name.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("uri", uri)
        mapping.field("method", method)
        mapping.field("headers", headers)
        mapping.field("port", port)
    }
}

extension Istio.NetworkingV1.VirtualService.StringMatch: FieldsWritable {
    /// Writes the match straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("exact", exact)
        mapping.field("regex", regex)
    }
}

extension Istio.NetworkingV1.VirtualService.TCPRoute: FieldsWritable {
    /// Writes the route straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("match", match)
        mapping.field("route", route)
    }
}

extension Istio.NetworkingV1.VirtualService.L4Match: FieldsWritable {
    /// Writes the condition straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("port", port)
    }
}

extension Istio.NetworkingV1.VirtualService.RouteDestination: FieldsWritable {
    /// Writes the destination straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("destination", destination)
        mapping.field("weight", weight)
    }
}

extension Istio.NetworkingV1.VirtualService.Destination: FieldsWritable {
    /// Writes the destination straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("host", host)
        mapping.field("port", port)
    }
}

extension Istio.NetworkingV1.VirtualService.PortSelector: FieldsWritable {
    /// Writes the port straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("number", number)
    }
}
