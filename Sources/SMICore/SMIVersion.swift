/// The version of this library and its tool.
public enum SMIVersion {
    /// The release this source tree will be.
    public static let tool = "0.1.0"
}
