public import SMICore

// Consul's resources are written straight to YAML. Each type writes its fields as its
// `Encodable` conformance encodes them: declaration order, absent optionals left out.

extension Consul.V1Alpha1.ServiceDefaults: YAMLSpecResource {}
extension Consul.V1Alpha1.ServiceIntentions: YAMLSpecResource {}
extension Consul.V1Alpha1.ServiceResolver: YAMLSpecResource {}
extension Consul.V1Alpha1.ServiceRouter: YAMLSpecResource {}
extension Consul.V1Alpha1.ServiceSplitter: YAMLSpecResource {}

extension ConsulHTTPMatch: YAMLFieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("pathExact", pathExact)
        mapping.field("pathPrefix", pathPrefix)
        mapping.field("pathRegex", pathRegex)
        mapping.field("methods", methods)
        mapping.field("header", header)
    }
}

extension ConsulHTTPMatch.Header: YAMLFieldsWritable {
    /// Writes the header condition.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("name", name)
        mapping.field("present", present)
        mapping.field("regex", regex)
    }
}

extension Consul.V1Alpha1.ServiceDefaults.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("protocol", `protocol`)
        mapping.field("mutualTLSMode", mutualTLSMode)
    }
}

extension Consul.V1Alpha1.ServiceIntentions.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("destination", destination)
        mapping.field("sources", sources)
    }
}

extension Consul.V1Alpha1.ServiceIntentions.Destination: YAMLFieldsWritable {
    /// Writes the destination.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("name", name)
        mapping.field("namespace", namespace)
    }
}

extension Consul.V1Alpha1.ServiceIntentions.Source: YAMLFieldsWritable {
    /// Writes the source.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("name", name)
        mapping.field("namespace", namespace)
        mapping.field("partition", partition)
        mapping.field("action", action)
        mapping.field("description", description)
        mapping.field("permissions", permissions)
    }
}

extension Consul.V1Alpha1.ServiceIntentions.Permission: YAMLFieldsWritable {
    /// Writes the permission.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("action", action)
        mapping.field("http", http)
    }
}

extension Consul.V1Alpha1.ServiceResolver.Spec: YAMLFieldsWritable {
    /// Writes the subsets as a mapping by name, in their order.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("subsets") { entries in
            for (name, subset) in subsets { entries.field(name, subset) }
        }
    }
}

extension Consul.V1Alpha1.ServiceResolver.Subset: YAMLFieldsWritable {
    /// Writes the subset.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("filter", filter)
    }
}

extension Consul.V1Alpha1.ServiceRouter.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("routes", routes)
    }
}

extension Consul.V1Alpha1.ServiceRouter.Route: YAMLFieldsWritable {
    /// Writes the route.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("match", match)
        mapping.field("destination", destination)
    }
}

extension Consul.V1Alpha1.ServiceRouter.Match: YAMLFieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("http", http)
    }
}

extension Consul.V1Alpha1.ServiceRouter.Destination: YAMLFieldsWritable {
    /// Writes the destination.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("service", service)
        mapping.field("serviceSubset", serviceSubset)
        mapping.field("namespace", namespace)
    }
}

extension Consul.V1Alpha1.ServiceSplitter.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("splits", splits)
    }
}

extension Consul.V1Alpha1.ServiceSplitter.Split: YAMLFieldsWritable {
    /// Writes the split, its weight as `ConsulWeight` encodes it.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        if let whole = weight.whole { mapping.field("weight", whole) } else { mapping.field("weight", weight.percent) }
        mapping.field("service", service)
        mapping.field("serviceSubset", serviceSubset)
        mapping.field("namespace", namespace)
    }
}
