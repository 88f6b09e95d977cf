package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.ModuleEvent;

/** An event waiting for one listener, with the attempts already made to apply it. */
record QueuedEvent(ModuleEvent event, int attempts) {}
