public import SMICore

// Each type writes its fields as its `Encodable` conformance encodes them: declaration
// order, absent optionals left out.

extension Istio.NetworkingV1.VirtualService: YAMLSpecResource {}

extension Istio.NetworkingV1.VirtualService.Spec: YAMLFieldsWritable {
    /// Writes the body straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("hosts", hosts)
        mapping.field("http", http)
        mapping.field("tcp", tcp)
    }
}

extension Istio.NetworkingV1.VirtualService.HTTPRoute: YAMLFieldsWritable {
    /// Writes the route straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("name", name)
        mapping.field("match", match)
        mapping.field("route", route)
    }
}

extension Istio.NetworkingV1.VirtualService.HTTPMatchRequest: YAMLFieldsWritable {
    /// Writes the match straight to YAML, the headers by name.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("uri", uri)
        mapping.field("method", method)
        mapping.field("headers", headers)
        mapping.field("port", port)
    }
}

extension Istio.NetworkingV1.VirtualService.StringMatch: YAMLFieldsWritable {
    /// Writes the match straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("exact", exact)
        mapping.field("regex", regex)
    }
}

extension Istio.NetworkingV1.VirtualService.TCPRoute: YAMLFieldsWritable {
    /// Writes the route straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("match", match)
        mapping.field("route", route)
    }
}

extension Istio.NetworkingV1.VirtualService.L4Match: YAMLFieldsWritable {
    /// Writes the condition straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("port", port)
    }
}

extension Istio.NetworkingV1.VirtualService.RouteDestination: YAMLFieldsWritable {
    /// Writes the destination straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("destination", destination)
        mapping.field("weight", weight)
    }
}

extension Istio.NetworkingV1.VirtualService.Destination: YAMLFieldsWritable {
    /// Writes the destination straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("host", host)
        mapping.field("port", port)
    }
}

extension Istio.NetworkingV1.VirtualService.PortSelector: YAMLFieldsWritable {
    /// Writes the port straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("number", number)
    }
}
