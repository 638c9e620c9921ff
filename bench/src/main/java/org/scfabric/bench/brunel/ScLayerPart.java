package org.scfabric.bench.brunel;

final class ScLayerPart
{
    static final double VARIABILITY = 0.05;
    static final double STUCK_RATE = 0.01;
}
