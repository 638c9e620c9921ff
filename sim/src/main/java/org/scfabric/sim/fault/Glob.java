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

    private Glob(final String text, final Pattern pattern)
    {
        this.text = text;
        this.pattern = pattern;
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
        return pattern.matcher(name).matches();
    }

    @Override
    public String toString()
    {
        return text;
    }
}
