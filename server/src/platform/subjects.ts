import type { Db } from './db/database.ts'
import type { Owned } from './permissions/authorize.ts'
import type { Permission } from './permissions/catalogue.ts'

/**
 * A record that notes, files, activities and tasks can attach to (a client now; a dealer, a campaign or
 * an inquiry later). Each owning module registers how to load its ownership facts and which permissions
 * read and write it, so attachments check visibility without importing the owning module.
 */
export interface SubjectType {
  type: string
  /** The record's ownership, or undefined when it does not exist (or is in the trash). */
  load(db: Db, id: number): Promise<(Owned & { title: string }) | undefined>
  readPermission: Permission
  writePermission: Permission
  /** Where the web app shows the record, for links in notifications. */
  webPath(id: number): string
}

export class SubjectRegistry {
  private readonly types = new Map<string, SubjectType>()

  register(subject: SubjectType): void {
    if (this.types.has(subject.type)) throw new Error(`subject type "${subject.type}" registered twice`)
    this.types.set(subject.type, subject)
  }

  get(type: string): SubjectType | undefined {
    return this.types.get(type)
  }

  names(): string[] {
    return [...this.types.keys()]
  }
}
