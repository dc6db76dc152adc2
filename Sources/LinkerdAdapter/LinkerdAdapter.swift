/// Translates SMI objects into Linkerd resources. The translation arrives with the
/// MeshAdapter contract; this module exists so that the product layout is in place.
public enum LinkerdAdapterModule {}
