package org.scfabric.bench.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SlurmQueueTest
{
    @Test
    void squeueAndSacctLinesBecomeJobs()
    {
        final List<SlurmQueue.Job> jobs = SlurmQueue.parse("12_0|COMPLETED|None\n12_3|CANCELLED by 0|\n13|PENDING|"
            + "DependencyNeverSatisfied\n\n14|RUNNING|None\n");
        assertEquals(List.of(new SlurmQueue.Job("12_0", "COMPLETED", "None"), new SlurmQueue.Job("12_3", "CANCELLED", ""),
            new SlurmQueue.Job("13", "PENDING", "DependencyNeverSatisfied"), new SlurmQueue.Job("14", "RUNNING", "None")),
            jobs);
        assertFalse(jobs.get(0).active());
        assertFalse(jobs.get(1).active());
        assertTrue(jobs.get(2).active() && jobs.get(2).stuck());
        assertTrue(jobs.get(3).active() && !jobs.get(3).stuck());
    }

    @Test
    void withoutSlurmOnThePathNothingIsKnown()
    {
        final SlurmQueue q = new SlurmQueue(new SlurmTools(""));
        assertFalse(q.available());
        assertTrue(q.jobs(List.of("1", "2")).isEmpty());
    }
}
