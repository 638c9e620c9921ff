/**
 * Running scfabric on a Slurm cluster: job scripts ({@link org.scfabric.bench.slurm.SlurmJobScript}),
 * submission ({@link org.scfabric.bench.slurm.Sbatch}), the queue's view of jobs
 * ({@link org.scfabric.bench.slurm.SlurmQueue}) and the command line that starts this scfabric on a
 * compute node ({@link org.scfabric.bench.slurm.JavaLauncher}). Nothing here knows about fault
 * campaigns or sweeps; the commands build their jobs from these parts.
 */
package org.scfabric.bench.slurm;
