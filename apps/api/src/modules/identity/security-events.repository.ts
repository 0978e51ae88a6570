import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SecurityEvent } from './security-event.entity.js';

@Injectable()
export class SecurityEventsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(event: Omit<SecurityEvent, 'id'>, m: EntityManager = this.ds.manager): Promise<void> {
    await m.query(
      `INSERT INTO security_event (type, user_id, username, ip, user_agent, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [event.type, event.userId, event.username, event.ip, event.userAgent, JSON.stringify(event.detail), event.at],
    );
  }

  /** The latest events, newest first (for tests and a future admin view). */
  findLatest(limit: number, m: EntityManager = this.ds.manager): Promise<SecurityEvent[]> {
    return m.getRepository(SecurityEvent).find({ order: { id: 'DESC' }, take: limit });
  }
}
