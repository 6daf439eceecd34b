package dev.depot.bench;

/** How big a run is: smoke (CI, seconds per scenario), small (minutes), full (the sizes). */
public enum Scale {
    SMOKE, SMALL, FULL;

    public long pick(long smoke, long small, long full) {
        return switch (this) {
            case SMOKE -> smoke;
            case SMALL -> small;
            case FULL -> full;
        };
    }

    public static Scale parse(String text) {
        return valueOf(text.trim().toUpperCase());
    }
}
