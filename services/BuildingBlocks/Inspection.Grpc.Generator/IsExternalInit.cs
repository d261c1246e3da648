namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks this marker type; records need it. The compiler only looks for its name.
internal static class IsExternalInit;
