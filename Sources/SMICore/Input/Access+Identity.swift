extension Access.Subject {
    /// The ServiceAccount this subject names (`namespace` when it names none), or nil when it
    /// names none that can exist.
    ///
    /// Another kind (notes D10), or a name or namespace that is not a Kubernetes name.
    ///
    /// Meshes read `*` in identities as a wildcard (an Istio principal `.../sa/web*` is every
    /// account starting with `web`, a Consul source `*` is every service), so such text must
    /// never reach an identity: the subject matches nothing.
    public func serviceAccount(defaultNamespace namespace: String) -> SMIBundle.Key? {
        Access.serviceAccount(kind: kind, name: name, namespace: self.namespace ?? namespace)
    }

    /// Why `serviceAccount(defaultNamespace:)` is nil for a subject of kind ServiceAccount.
    public func invalidName(defaultNamespace namespace: String) -> String? {
        Access.invalidName(name: name, namespace: self.namespace ?? namespace)
    }
}

extension Access {
    /// A ServiceAccount's key, when `kind` is ServiceAccount, the namespace is a DNS-1123
    /// label and the name a DNS-1123 subdomain, as Kubernetes requires of both.
    static func serviceAccount(kind: String, name: String, namespace: String) -> SMIBundle.Key? {
        guard kind == "ServiceAccount", invalidName(name: name, namespace: namespace) == nil else { return nil }
        return SMIBundle.Key(namespace: namespace, name: name)
    }

    /// What makes a ServiceAccount's name or namespace one Kubernetes refuses, or nil.
    static func invalidName(name: String, namespace: String) -> String? {
        if !DNSName.isSubdomain(name) {
            return
                "'\(name)' is not a ServiceAccount name (a DNS-1123 subdomain: lowercase letters, digits, '-' and '.'; no wildcard)"
        }
        if !DNSName.isLabel(namespace) {
            return "'\(namespace)' is not a namespace name (a DNS-1123 label; no wildcard)"
        }
        return nil
    }
}

extension Access.V1Alpha3.TrafficTarget {
    /// The ServiceAccount the target protects, or nil when it names none that can exist.
    ///
    /// It is in `namespace`, the target's own, when the destination names none.
    public func destinationAccount(defaultNamespace namespace: String) -> SMIBundle.Key? {
        let d = spec.destination
        return Access.serviceAccount(kind: d.kind, name: d.name, namespace: d.namespace ?? namespace)
    }

    /// The ServiceAccounts of its sources that can exist, in order (see
    /// `Access.Subject.serviceAccount(defaultNamespace:)`).
    public func sourceAccounts(defaultNamespace namespace: String) -> [SMIBundle.Key] {
        spec.sources.compactMap { $0.serviceAccount(defaultNamespace: namespace) }
    }
}
