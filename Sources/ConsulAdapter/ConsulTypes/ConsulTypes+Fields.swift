public import SMICore

// Each type's one list of output fields, which YAML writing, its manifest and `Encodable`
// share: declaration order, the keys `Decodable` reads, absent optionals left out.

extension Consul.V1Alpha1.ServiceDefaults: SpecResource {}
extension Consul.V1Alpha1.ServiceIntentions: SpecResource {}
extension Consul.V1Alpha1.ServiceResolver: SpecResource {}
extension Consul.V1Alpha1.ServiceRouter: SpecResource {}
extension Consul.V1Alpha1.ServiceSplitter: SpecResource {}

extension ConsulHTTPMatch: FieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("pathExact", pathExact)
        mapping.field("pathPrefix", pathPrefix)
        mapping.field("pathRegex", pathRegex)
        mapping.field("methods", methods)
        mapping.field("header", header)
    }
}

extension ConsulHTTPMatch.Header: FieldsWritable {
    /// Writes the header condition.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("name", name)
        mapping.field("present", present)
        mapping.field("regex", regex)
    }
}

extension Consul.V1Alpha1.ServiceDefaults.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("protocol", `protocol`)
        mapping.field("mutualTLSMode", mutualTLSMode)
    }
}

extension Consul.V1Alpha1.ServiceIntentions.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("destination", destination)
        mapping.field("sources", sources)
    }
}

extension Consul.V1Alpha1.ServiceIntentions.Destination: FieldsWritable {
    /// Writes the destination.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("name", name)
        mapping.field("namespace", namespace)
    }
}

extension Consul.V1Alpha1.ServiceIntentions.Source: FieldsWritable {
    /// Writes the source.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("name", name)
        mapping.field("namespace", namespace)
        mapping.field("partition", partition)
        mapping.field("action", action)
        mapping.field("description", description)
        mapping.field("permissions", permissions)
    }
}

extension Consul.V1Alpha1.ServiceIntentions.Permission: FieldsWritable {
    /// Writes the permission.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("action", action)
        mapping.field("http", http)
    }
}

extension Consul.V1Alpha1.ServiceResolver.Spec: FieldsWritable {
    /// Writes the subsets as a mapping by name, in their order.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("subsets") { entries in
            for (name, subset) in subsets { entries.field(name, subset) }
        }
    }
}

extension Consul.V1Alpha1.ServiceResolver.Subset: FieldsWritable {
    /// Writes the subset.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("filter", filter)
    }
}

extension Consul.V1Alpha1.ServiceRouter.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("routes", routes)
    }
}

extension Consul.V1Alpha1.ServiceRouter.Route: FieldsWritable {
    /// Writes the route.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("match", match)
        mapping.field("destination", destination)
    }
}

extension Consul.V1Alpha1.ServiceRouter.Match: FieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("http", http)
    }
}

extension Consul.V1Alpha1.ServiceRouter.Destination: FieldsWritable {
    /// Writes the destination.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("service", service)
        mapping.field("serviceSubset", serviceSubset)
        mapping.field("namespace", namespace)
    }
}

extension Consul.V1Alpha1.ServiceSplitter.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("splits", splits)
    }
}

extension Consul.V1Alpha1.ServiceSplitter.Split: FieldsWritable {
    /// Writes the split, its weight as `ConsulWeight` encodes it.
    public func writeFields(to mapping: inout FieldWriter) {
        if let whole = weight.whole { mapping.field("weight", whole) } else { mapping.field("weight", weight.percent) }
        mapping.field("service", service)
        mapping.field("serviceSubset", serviceSubset)
        mapping.field("namespace", namespace)
    }
}
