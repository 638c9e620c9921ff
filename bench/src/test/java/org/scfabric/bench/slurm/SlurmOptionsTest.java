package org.scfabric.bench.slurm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SlurmOptionsTest
{
    @Test
    void slurmTimeFormatsAreAcceptedAndOthersRefused()
    {
        for (final String t : List.of("30", "30:00", "01:00:00", "2-00", "2-12:30", "1-00:00:00", "100:00:00"))
        {
            assertDoesNotThrow(() -> new SlurmOptions(null, t, 1, List.of()), t);
        }
        for (final String t : List.of("1h", "01:00:00:00", "-1", "", "1:2:3:4", "a-1"))
        {
            final var e = assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, t, 1, List.of()), t);
            assertTrue(e.getMessage().contains("HH:MM:SS"), e.getMessage());
        }
    }

    @Test
    void minutesSecondsAndHoursAfterADayOutOfRangeAreRefused()
    {
        for (final String t : List.of("1:99:00", "1:00:60", "90:60", "2-24", "2-12:60", "1-00:00:99", "1-100:00"))
        {
            final var e = assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, t, 1, List.of()), t);
            assertTrue(e.getMessage().contains("0..59") && e.getMessage().contains("'" + t + "'"), e.getMessage());
        }
        // the first field is any size: 90 minutes, 99 hours, 30 days
        for (final String t : List.of("90", "90:59", "99:59:59", "30-23:59:59", "0:00:00"))
        {
            assertDoesNotThrow(() -> new SlurmOptions(null, t, 1, List.of()), t);
        }
    }

    @Test
    void optionsTheScriptsSetThemselvesAreRefusedAsSbatchArgs()
    {
        for (final String a : List.of("--array=0-9", "--dependency=afterok:1", "--output=x", "-p", "--time=1:00",
            "--wrap=true", "-c 4"))
        {
            final var e = assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, null, 1, List.of(a)), a);
            assertTrue(e.getMessage().contains("scfabric sets"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, null, 1, List.of("mem=4G")));
        assertThrows(IllegalArgumentException.class, () -> new SlurmOptions("bad partition", null, 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, null, 0, List.of()));
    }

    @Test
    void theDirectivesFollowTheOptions()
    {
        final SlurmJobScript.Builder b = SlurmJobScript.builder("j");
        new SlurmOptions("long", "02:00:00", 8, List.of("--mem=4G", "--account=proj")).addTo(b);
        assertEquals(List.of("#!/bin/bash", "#SBATCH --job-name=j", "#SBATCH --cpus-per-task=8", "#SBATCH --partition=long",
            "#SBATCH --time=02:00:00", "#SBATCH --mem=4G", "#SBATCH --account=proj"), b.build().text().lines().toList());
    }
}
