package org.scfabric.bench.brunel;

final class IzhikevichPopulation
{
    static final double A = 0.02;
    static final double B = 0.2;
    static final double C = -65.0;
    static final double D = 8.0;
    static final double V_PEAK = 30.0;
    static final double BIAS = 5.0;
}
