/** 招聘会: staff hold one and print its check-in code; workers check in by it; staff see who came. */
import { chinaDate, eventContracts, isEventOpen, isListable, maskPersonName } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid, NotFound } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { isReadableByAll } from '../positions/access.js';
import { boundWorkerId } from '../registry/access.js';
import { eventNotFound } from './eventRepository.js';
import { eventPoster } from './posters.js';
import { baseUrlOf } from './routes.js';

export function eventRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(eventContracts.create, async ({ principal, body }) => {
      const today = chinaDate(new Date());
      if (!isEventOpen(body, today)) throw new Invalid('日期已经过去了', 'The date has passed.', 'body.date');
      // Only positions anyone may see, open on the day: an event does not advertise drafts or filled posts.
      const records = await ctx.positions.getMany(body.positionIds);
      const missing = records.findIndex((record) => !record || !isReadableByAll(record) || !isListable(record.position, today));
      if (missing >= 0)
        throw new Invalid('这个岗位不在招人，不能放进招聘会', 'A position is not open.', `body.positionIds.${missing}`);
      return { event: await ctx.events.create({ ...body, positionIds: [...new Set(body.positionIds)] }, principal) };
    }),

    implement(eventContracts.list, async ({ query }) => ctx.events.inRegion(query.regionCode, query)),

    implement(eventContracts.show, async ({ params }) => {
      const event = await ctx.events.get(params.eventId);
      if (!event) throw eventNotFound();
      const today = chinaDate(new Date());
      const [organiser, records] = await Promise.all([
        ctx.regions.get(event.regionCode),
        ctx.positions.getMany(event.positionIds),
      ]);
      const positions = records.flatMap((record) =>
        record && isReadableByAll(record) && isListable(record.position, today) ? [record.position] : [],
      );
      return { event, organiser: organiser?.fullName ?? '', open: isEventOpen(event, today), positions };
    }),

    implement(eventContracts.checkIn, async ({ principal, params }) => {
      const [workerId, event] = await Promise.all([boundWorkerId(ctx, principal), ctx.events.get(params.eventId)]);
      if (!event) throw new NotFound('没有这场招聘会', 'No such recruitment event.', 'params.eventId');
      if (!isEventOpen(event, chinaDate(new Date()))) {
        throw new Invalid('这场招聘会已经结束，不能签到了', 'The event is over.', 'params.eventId');
      }
      const { first } = await ctx.events.checkIn(event.eventId, workerId);
      return { checkedIn: true as const, first };
    }),

    implement(eventContracts.attendance, async ({ object: event, principal, query }) => {
      const page = await ctx.events.attendees(event.eventId, query);
      const workers = new Map((await ctx.workers.getItems(page.attendees.map((a) => a.workerId))).map((w) => [w.workerId, w]));
      const shown = page.attendees.flatMap((attendee) => {
        const worker = workers.get(attendee.workerId);
        return worker
          ? [
              {
                workerId: worker.workerId,
                nameMasked: maskPersonName(worker.name),
                villageCode: worker.villageCode,
                at: attendee.at,
              },
            ]
          : [];
      });
      // A list that shows people is on each one's trail, like the registry's lists.
      await ctx.audit.record(
        principal,
        shown.map((a) => a.workerId),
        'list',
        `招聘会签到名单：${event.title}`,
      );
      return { attendees: shown, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    }),

    implement(eventContracts.poster, async ({ object: event, req, res }) => {
      const png = await eventPoster(ctx, event, baseUrlOf(ctx, req));
      res.status(200);
      res.setHeader('content-type', 'image/png');
      res.setHeader('content-disposition', `inline; filename="poster-event-${event.eventId}.png"`);
      res.end(png);
      return undefined;
    }),
  ];
}
