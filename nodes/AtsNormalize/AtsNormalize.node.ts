import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { vendorList } from '../vendors';
import { flattenEvent, normalizeEvent } from './normalize';

const vendorNames = vendorList.map((vendor) => vendor.displayName);
const sourceOptions = vendorList
	.map((vendor) => ({ name: vendor.displayName, value: vendor.key }))
	.sort((a, b) => a.name.localeCompare(b.name));

export class AtsNormalize implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ATS Normalize',
		name: 'atsNormalize',
		icon: { light: 'file:atsNormalize.svg', dark: 'file:atsNormalize.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["output"] === "flat" ? "flat" : "nested"}}',
		description: `Turns any ATS trigger event (${vendorNames.join(', ')}) into one canonical event`,
		defaults: { name: 'ATS Normalize' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				options: [
					{
						name: 'Auto-Detect',
						value: 'auto',
						description: "From the trigger's metadata, else from the payload's shape",
					},
					...sourceOptions,
				],
				default: 'auto',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{
						name: 'Nested',
						value: 'nested',
						description: 'Application, candidate and job as objects',
					},
					{
						name: 'Flat',
						value: 'flat',
						description: 'One level (candidate_name, job_title, …), ready for a spreadsheet row',
					},
				],
				default: 'nested',
			},
			{
				displayName: 'Include Raw Payload',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description:
					"Whether to add the vendor's original payload as raw (a JSON string in flat output)",
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const source = this.getNodeParameter('source', itemIndex, 'auto') as string;
				const flat = this.getNodeParameter('output', itemIndex, 'nested') === 'flat';
				const includeRaw = this.getNodeParameter('includeRaw', itemIndex, false) as boolean;
				const event = normalizeEvent(items[itemIndex].json, { source, includeRaw });
				output.push({
					json: (flat ? flattenEvent(event) : event) as IDataObject,
					pairedItem: { item: itemIndex },
				});
			} catch (error) {
				if (this.continueOnFail()) {
					output.push({
						json: { error: (error as Error).message },
						pairedItem: { item: itemIndex },
					});
					continue;
				}
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
		}
		return [output];
	}
}
