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
    private static readonly Regex Message = new(@"\G(message|enum)\s+(\w+)\s*\{", RegexOptions.Compiled);
    private static readonly Regex Service = new(@"\bservice\s+(\w+)\s*\{", RegexOptions.Compiled);
    private static readonly Regex Rpc = new(
        @"\brpc\s+(\w+)\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*(;|\{)",
        RegexOptions.Compiled);
    private static readonly Regex Idempotency = new(@"idempotency_level\s*=\s*(IDEMPOTENT|NO_SIDE_EFFECTS)", RegexOptions.Compiled);

    public static ProtoContract Parse(string path, string text)
    {
        // Two views of the file, position for position: without comments (for the csharp_namespace string), and
        // without comments or string contents (for structure: a brace, "rpc" or "/*" inside a string is not syntax).
        var withStrings = Blank(text, keepStrings: true);
        var source = Blank(text, keepStrings: false);
        var package = Package.Match(source) is { Success: true } p ? p.Groups[1].Value : "";
        var csharpNamespace = Namespace.Match(withStrings) is { Success: true } n ? n.Groups[1].Value : DefaultNamespace(package);

        var messages = ImmutableArray.CreateBuilder<string>();
        foreach (var name in MessagesAndEnums(source)) messages.Add(name);

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

    // protoc's own default when csharp_namespace is absent: each package segment in PascalCase, a letter after an
    // underscore or a digit capitalised (inspection.case_sampling.v1beta1 -> Inspection.CaseSampling.V1Beta1).
    internal static string DefaultNamespace(string package)
    {
        var sb = new StringBuilder(package.Length);
        var upper = true;
        foreach (var c in package)
        {
            if (c == '.') { sb.Append('.'); upper = true; }
            else if (char.IsDigit(c)) { sb.Append(c); upper = true; }
            else if (!char.IsLetter(c)) upper = true;
            else { sb.Append(upper ? char.ToUpperInvariant(c) : c); upper = false; }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Every message, nested ones by their dotted path inside the file ("Outer", "Outer.Inner"), and top-level enums.
    /// </summary>
    private static IEnumerable<string> MessagesAndEnums(string source)
    {
        var depth = 0;
        var open = new Stack<(string Path, int Depth)>();
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '{') depth++;
            else if (c == '}')
            {
                depth--;
                while (open.Count > 0 && open.Peek().Depth > depth) open.Pop();
            }
            else if ((c == 'm' || c == 'e') && (i == 0 || char.IsWhiteSpace(source[i - 1]) || source[i - 1] is ';' or '{' or '}'))
            {
                var m = Message.Match(source, i);
                if (!m.Success) continue;
                var isMessage = m.Groups[1].Value == "message";
                // inside a message: a nested type; anywhere else but the top level (a service, an option): not a type
                if (open.Count == 0 ? depth != 0 : open.Peek().Depth != depth) continue;
                if (!isMessage && open.Count > 0) continue;
                var path = open.Count == 0 ? m.Groups[2].Value : open.Peek().Path + "." + m.Groups[2].Value;
                yield return path;
                if (isMessage) open.Push((path, depth + 1));
                // the body's '{' is counted when the loop reaches it
                i = m.Index + m.Length - 2;
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

    // Comments and strings could contain braces, "rpc" or "/*": blank them out (spaces, newlines kept, so positions
    // and line numbers stay those of the file). Strings keep their quotes; their contents are kept only when asked.
    private static string Blank(string text, bool keepStrings)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') { sb.Append(' '); i++; }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                sb.Append("  ");
                i += 2;
                while (i < text.Length && !(text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    sb.Append(text[i] == '\n' ? '\n' : ' ');
                    i++;
                }
                if (i < text.Length) { sb.Append("  "); i += 2; }
            }
            else if (c == '"' || c == '\'')
            {
                sb.Append(c);
                i++;
                while (i < text.Length && text[i] != c && text[i] != '\n')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        sb.Append(keepStrings ? text[i] : ' ').Append(keepStrings ? text[i + 1] : ' ');
                        i += 2;
                        continue;
                    }
                    sb.Append(keepStrings ? text[i] : ' ');
                    i++;
                }
                if (i < text.Length) { sb.Append(text[i]); i++; }
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }
        return sb.ToString();
    }
}
