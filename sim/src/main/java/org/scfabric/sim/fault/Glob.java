package org.scfabric.sim.fault;

import java.util.regex.Pattern;

/**
 * Site globs: {@code *} matches any run of characters, {@code ?} one character; everything else,
 * brackets and dots included, is literal — so {@code lif[*].v[15]} means what it looks like.
 */
public final class Glob
{
    private final String text;
    private final Pattern pattern;
    private final boolean matchesAll;

    private Glob(final String text, final Pattern pattern)
    {
        this.text = text;
        this.pattern = pattern;
        this.matchesAll = text.chars().allMatch(c -> c == '*');
    }

    public static Glob compile(final String glob)
    {
        if (glob == null || glob.isBlank())
        {
            throw new IllegalArgumentException("empty site glob (use e.g. 'lif[*].v[*]' or '*')");
        }
        final StringBuilder re = new StringBuilder();
        final StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++)
        {
            final char c = glob.charAt(i);
            if (c == '*' || c == '?')
            {
                if (literal.length() > 0)
                {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            }
            else if (Character.isWhitespace(c) || Character.isISOControl(c))
            {
                throw new IllegalArgumentException("site glob '" + glob + "' contains white space or a control "
                    + "character at " + i + " (names are like core0.lif[12].v[15])");
            }
            else
            {
                literal.append(c);
            }
        }
        if (literal.length() > 0)
        {
            re.append(Pattern.quote(literal.toString()));
        }
        return new Glob(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    public boolean matches(final CharSequence name)
    {
        return matchesAll || pattern.matcher(name).matches();
    }

    /** The glob's characters before its first {@code *} or {@code ?}: every matching name starts with them. */
    public String literalPrefix()
    {
        int i = 0;
        while (i < text.length() && text.charAt(i) != '*' && text.charAt(i) != '?')
        {
            i++;
        }
        return text.substring(0, i);
    }

    /** True for {@code *}, which matches every name. */
    public boolean matchesEverything()
    {
        return matchesAll;
    }

    @Override
    public String toString()
    {
        return text;
    }
}
