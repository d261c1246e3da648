using System.Collections.Immutable;
using Inspection.Grpc.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Inspection.Grpc.Tests;

/// <summary>The source generator run on .proto texts directly (the build already runs it on Protos/interop.proto).</summary>
public sealed class GeneratorTests
{
    private static (string Source, ImmutableArray<Diagnostic> Diagnostics) Generate(params (string Path, string Text)[] protos)
    {
        var compilation = CSharpCompilation.Create("Generated", [], [], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create([new ServiceGenerator().AsSourceGenerator()],
            protos.Select(p => (AdditionalText)new ProtoText(p.Path, p.Text)));
        var result = driver.RunGenerators(compilation).GetRunResult();
        return (string.Join("\n", result.GeneratedTrees.Select(t => t.ToString())), result.Diagnostics);
    }

    [Fact]
    public void Braces_rpc_and_comment_markers_inside_strings_and_comments_are_not_syntax()
    {
        var (source, diagnostics) = Generate(("/p/tricky.proto", """
            syntax = "proto3";
            package inspection.tricky.v1;
            option csharp_namespace = "Inspection.Tricky.V1";
            // service Ghost { rpc Nope(A) returns (B); }
            /* message Phantom { } rpc Hidden(A) returns (B); */
            option java_package = "org.example/*not a comment{";
            option go_package = "example.org/x;y // not a comment either";
            message Ask { string text = 1; /* { */ string pattern = 2; } // "}"
            message Answer { string text = 1; }
            service Tricky {
              rpc Plain(Ask) returns (Answer);
              rpc Fetch(Ask) returns (stream Answer) { option idempotency_level = NO_SIDE_EFFECTS; }
            }
            """));

        Assert.Empty(diagnostics);
        Assert.Contains("namespace Inspection.Tricky.V1;", source);
        Assert.Contains("PlainMethod = new(ServiceName, \"Plain\", global::Inspection.Grpc.MethodType.Unary", source);
        Assert.Contains("FetchMethod = new(ServiceName, \"Fetch\", global::Inspection.Grpc.MethodType.ServerStreaming", source);
        Assert.Contains("idempotent: true", source);
        Assert.DoesNotContain("Ghost", source);
        Assert.DoesNotContain("Hidden", source);
    }

    [Fact]
    public void Nested_messages_resolve_to_their_Types_class_and_imports_across_files()
    {
        var (source, diagnostics) = Generate(
            ("/p/common.proto", """
                syntax = "proto3";
                package inspection.common.v1;
                message Page { message Token { string value = 1; } }
                """),
            ("/p/listing.proto", """
                syntax = "proto3";
                package inspection.listing.v1beta1;
                import "common.proto";
                service Listing {
                  rpc Next(inspection.common.v1.Page.Token) returns (.inspection.common.v1.Page);
                }
                """));

        Assert.Empty(diagnostics);
        Assert.Contains("namespace Inspection.Listing.V1Beta1;", source);
        Assert.Contains("global::Inspection.Grpc.Method<global::Inspection.Common.V1.Page.Types.Token, global::Inspection.Common.V1.Page>", source);
    }

    [Fact]
    public void Client_streaming_and_unknown_types_are_reported_as_errors()
    {
        var (_, diagnostics) = Generate(("/p/bad.proto", """
            syntax = "proto3";
            package bad.v1;
            message M { }
            service Bad {
              rpc Upload(stream M) returns (M);
              rpc Lost(Missing) returns (M);
            }
            """));

        Assert.Equal(["IGRPC001", "IGRPC002"], diagnostics.Select(d => d.Id).Order());
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(5, diagnostics.Single(d => d.Id == "IGRPC001").Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    private sealed class ProtoText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
