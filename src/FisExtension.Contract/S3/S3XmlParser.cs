using System.Globalization;
using System.Text;

namespace FisExtension.Contract.S3;

/// <summary>
/// Reads the XML that S3 answers with (ListBucketResult, Error) into a tree: elements, text, the five predefined and
/// the numeric character references, CDATA; comments, processing instructions and attributes are skipped. A document
/// type declaration is refused, so no entity can expand. System.Xml would cost the extension's binary about 0.5 MB
/// for these two shapes (README, Overhead). Anything not well-formed throws <see cref="FormatException"/>.
/// </summary>
public static class S3XmlParser
{
    // S3's documents nest four deep; the bound keeps a hostile endpoint from exhausting the stack.
    private const int MaxDepth = 32;

    public static S3XmlElement Parse(string document)
    {
        var reader = new Reader(document);
        reader.SkipMisc();
        var root = reader.Element(depth: 0);
        reader.SkipMisc();
        return reader.AtEnd ? root : throw reader.Error("content after the root element");
    }

    private sealed class Reader(string text)
    {
        private int _at = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        public bool AtEnd => _at == text.Length;

        public FormatException Error(string problem) => new($"S3's answer is not well-formed XML: {problem} at character {_at}.");

        /// <summary>Whitespace, comments and processing instructions (the XML declaration among them) around the root.</summary>
        public void SkipMisc()
        {
            while (true)
            {
                while (!AtEnd && char.IsWhiteSpace(text[_at]))
                {
                    _at++;
                }

                if (!TrySkipCommentOrInstruction())
                {
                    return;
                }
            }
        }

        public S3XmlElement Element(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("elements nested too deep");
            }

            Expect("<");
            var name = Name();
            SkipAttributes(out var empty);
            if (empty)
            {
                return new S3XmlElement(LocalName(name), "", []);
            }

            var ownText = new StringBuilder();
            var children = new List<S3XmlElement>();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error($"<{name}> is not closed");
                }

                if (StartsWith("</"))
                {
                    _at += 2;
                    if (Name() != name)
                    {
                        throw Error($"<{name}> is closed by another element");
                    }

                    SkipWhitespace();
                    Expect(">");
                    return new S3XmlElement(LocalName(name), ownText.ToString(), children);
                }

                if (StartsWith("<![CDATA["))
                {
                    _at += 9;
                    var end = IndexOf("]]>");
                    ownText.Append(text, _at, end - _at);
                    _at = end + 3;
                }
                else if (!TrySkipCommentOrInstruction())
                {
                    if (StartsWith("<!"))
                    {
                        throw Error("a declaration inside an element");
                    }

                    if (text[_at] == '<')
                    {
                        children.Add(Element(depth + 1));
                    }
                    else
                    {
                        Text(ownText);
                    }
                }
            }
        }

        private bool TrySkipCommentOrInstruction()
        {
            if (StartsWith("<!--"))
            {
                _at = IndexOf("-->") + 3;
                return true;
            }

            if (StartsWith("<?"))
            {
                _at = IndexOf("?>") + 2;
                return true;
            }

            if (StartsWith("<!DOCTYPE"))
            {
                throw Error("a document type declaration (refused: it could declare entities)");
            }

            return false;
        }

        private void Text(StringBuilder into)
        {
            while (!AtEnd && text[_at] != '<')
            {
                if (text[_at] == '&')
                {
                    Reference(into);
                }
                else
                {
                    into.Append(text[_at++]);
                }
            }
        }

        private void Reference(StringBuilder into)
        {
            var end = text.IndexOf(';', _at);
            if (end < 0 || end - _at > 12)
            {
                throw Error("an unterminated entity reference");
            }

            var entity = text[(_at + 1)..end];
            switch (entity)
            {
                case "lt": into.Append('<'); break;
                case "gt": into.Append('>'); break;
                case "amp": into.Append('&'); break;
                case "quot": into.Append('"'); break;
                case "apos": into.Append('\''); break;
                default:
                    var hex = entity.StartsWith("#x", StringComparison.Ordinal);
                    var digits = hex ? entity[2..] : entity.StartsWith('#') ? entity[1..] : null;
                    // At most 6 hex or 7 decimal significant digits: more would overflow (a hex int parses 0xFFFFFFFF as -1).
                    var significant = digits?.TrimStart('0') is { Length: > 0 } rest ? rest : "0";
                    if (digits is not { Length: > 0 } || significant.Length > (hex ? 6 : 7)
                        || !int.TryParse(significant, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                        || code is <= 0 or (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF)
                    {
                        throw Error($"an unknown entity &{entity};");
                    }

                    into.Append(char.ConvertFromUtf32(code));
                    break;
            }

            _at = end + 1;
        }

        private void SkipAttributes(out bool empty)
        {
            while (true)
            {
                SkipWhitespace();
                if (StartsWith("/>"))
                {
                    _at += 2;
                    empty = true;
                    return;
                }

                if (StartsWith(">"))
                {
                    _at++;
                    empty = false;
                    return;
                }

                Name();
                SkipWhitespace();
                Expect("=");
                SkipWhitespace();
                var quote = AtEnd ? '\0' : text[_at];
                if (quote is not ('"' or '\''))
                {
                    throw Error("an attribute value without quotes");
                }

                var close = text.IndexOf(quote, _at + 1);
                _at = close >= 0 ? close + 1 : throw Error("an attribute value that does not end");
            }
        }

        private string Name()
        {
            var start = _at;
            while (!AtEnd && !char.IsWhiteSpace(text[_at]) && text[_at] is not ('/' or '>' or '=' or '<'))
            {
                _at++;
            }

            return _at > start ? text[start.._at] : throw Error("a missing name");
        }

        private static string LocalName(string name) => name[(name.IndexOf(':') + 1)..];

        private void SkipWhitespace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        private bool StartsWith(string token) => text.AsSpan(_at).StartsWith(token, StringComparison.Ordinal);

        private int IndexOf(string token)
        {
            var found = text.IndexOf(token, _at, StringComparison.Ordinal);
            return found >= 0 ? found : throw Error($"no closing {token}");
        }

        private void Expect(string token)
        {
            if (!StartsWith(token))
            {
                throw Error($"{token} expected");
            }

            _at += token.Length;
        }
    }
}
