import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { yenColumn } from '../applications/application.entity';

/** 添付書類: a stored file with its checksum; linked to an application when that is accepted. */
@Entity('attachment')
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'channel_id', type: 'uuid', nullable: true }) channelId!: string | null;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId!: string | null;
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ name: 'size_bytes', type: 'bigint', transformer: yenColumn }) sizeBytes!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ name: 'storage_key', type: 'text', select: false }) storageKey!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
