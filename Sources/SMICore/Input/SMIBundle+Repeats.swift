extension SMIBundle {
    /// Values that SMI objects repeat, each kept once: every route group lists methods from the
    /// same few, repeats the same header conditions, and every target names the same matches of
    /// its groups.
    ///
    /// At mesh scale each object holding its own copy of each was megabytes; equal values share
    /// one storage instead (values, not identity, matter). Only values in ASCII are shared:
    /// equal text of other bytes must keep its own (`ExactText`).
    struct Repeats: Sendable {
        private var methods = Set<[String]>()
        private var headers = Set<HTTPHeaderConditions>()
        private var matchNames = Set<[String]>()

        /// A route group whose methods and header conditions are the ones kept.
        mutating func sharing(_ group: Specs.V1Alpha4.HTTPRouteGroup) -> Specs.V1Alpha4.HTTPRouteGroup {
            var group = group
            for i in group.spec.matches.indices {
                if let list = group.spec.matches[i].methods, ExactText.isASCII(list) {
                    group.spec.matches[i].methods = methods.insert(list).memberAfterInsert
                }
                if let conditions = group.spec.matches[i].headers, ExactText.isASCII(conditions) {
                    group.spec.matches[i].headers = headers.insert(conditions).memberAfterInsert
                }
            }
            return group
        }

        /// A target whose rules' match names are the ones kept.
        mutating func sharing(_ target: Access.V1Alpha3.TrafficTarget) -> Access.V1Alpha3.TrafficTarget {
            var target = target
            for i in target.spec.rules.indices {
                if let names = target.spec.rules[i].matches, ExactText.isASCII(names) {
                    target.spec.rules[i].matches = matchNames.insert(names).memberAfterInsert
                }
            }
            return target
        }
    }
}
