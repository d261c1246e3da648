using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Inspection.Grpc.Generator;

/// <summary>
/// Reads just enough of a .proto file to generate service bindings: protoc has already checked the grammar
/// (it compiles the same files for the messages), so this parser can stay small.
/// </summary>
internal static class ProtoParser
{
    private static readonly Regex Package = new(@"\bpackage\s+([\w.]+)\s*;", RegexOptions.Compiled);
    private static readonly Regex Namespace = new(@"option\s+csharp_namespace\s*=\s*""([^""]+)""\s*;", RegexOptions.Compiled);
    private static readonly Regex Message = new(@"(?:^|[\s;}])(message|enum)\s+(\w+)\s*\{", RegexOptions.Compiled);
    private static readonly Regex Service = new(@"\bservice\s+(\w+)\s*\{", RegexOptions.Compiled);
    private static readonly Regex Rpc = new(
        @"\brpc\s+(\w+)\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*(;|\{)",
        RegexOptions.Compiled);
    private static readonly Regex Idempotency = new(@"idempotency_level\s*=\s*(IDEMPOTENT|NO_SIDE_EFFECTS)", RegexOptions.Compiled);

    public static ProtoContract Parse(string path, string text)
    {
        var source = StripComments(text);
        var package = Package.Match(source) is { Success: true } p ? p.Groups[1].Value : "";
        var csharpNamespace = Namespace.Match(source) is { Success: true } n ? n.Groups[1].Value : DefaultNamespace(package);

        var messages = ImmutableArray.CreateBuilder<string>();
        foreach (var name in TopLevelMessages(source)) messages.Add(name);

        var services = ImmutableArray.CreateBuilder<ProtoService>();
        foreach (Match service in Service.Matches(source))
        {
            var bodyStart = service.Index + service.Length;
            var bodyEnd = MatchingBrace(source, bodyStart - 1);
            var methods = ImmutableArray.CreateBuilder<ProtoMethod>();
            var position = bodyStart;
            while (position < bodyEnd)
            {
                var rpc = Rpc.Match(source, position);
                if (!rpc.Success || rpc.Index >= bodyEnd) break;
                var end = rpc.Index + rpc.Length;
                var options = "";
                if (rpc.Groups[6].Value == "{")
                {
                    var close = MatchingBrace(source, end - 1);
                    options = source.Substring(end, close - end);
                    end = close + 1;
                }
                methods.Add(new ProtoMethod(
                    rpc.Groups[1].Value, rpc.Groups[3].Value, rpc.Groups[2].Success, rpc.Groups[5].Value, rpc.Groups[4].Success,
                    Idempotency.IsMatch(options), LineOf(source, rpc.Index)));
                position = end;
            }
            services.Add(new ProtoService(service.Groups[1].Value, methods.ToImmutable()));
        }
        return new ProtoContract(path, package, csharpNamespace, messages.ToImmutable(), services.ToImmutable());
    }

    // protoc's own default when csharp_namespace is absent: each package segment in PascalCase.
    private static string DefaultNamespace(string package)
    {
        var parts = package.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var sb = new StringBuilder();
            var upper = true;
            foreach (var c in parts[i])
            {
                if (c == '_') { upper = true; continue; }
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            parts[i] = sb.ToString();
        }
        return string.Join(".", parts);
    }

    private static IEnumerable<string> TopLevelMessages(string source)
    {
        var depth = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (depth == 0 && (c == 'm' || c == 'e'))
            {
                var m = Message.Match(source, Math.Max(0, i - 1));
                if (m.Success && m.Groups[1].Index == i)
                {
                    yield return m.Groups[2].Value;
                }
            }
        }
    }

    private static int MatchingBrace(string source, int open)
    {
        var depth = 0;
        for (var i = open; i < source.Length; i++)
        {
            if (source[i] == '{') depth++;
            else if (source[i] == '}' && --depth == 0) return i;
        }
        return source.Length;
    }

    private static int LineOf(string source, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++) if (source[i] == '\n') line++;
        return line;
    }

    // Comments could contain braces or the word "rpc"; blank them out but keep line numbers.
    private static string StripComments(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') { sb.Append(' '); i++; }
                if (i < text.Length) sb.Append('\n');
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                while (i < text.Length && !(text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    sb.Append(text[i] == '\n' ? '\n' : ' ');
                    i++;
                }
                sb.Append("  ");
                i++;
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
