/// The released SMI API versions, as `smi convert --to` accepts them.
public enum SMIAPIVersions {
    /// Every released `group/version`, sorted.
    public static let released: [String] = Array(Set(SMIKinds.decoders.keys.map(\.apiVersion))).sorted()
}
